"""vCard 3.0 and 4.0 (RFC 2426 / RFC 6350) through vobject: reading and writing journalists."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from app.errors import CommDeskError
from app.i18n import Message
from app.services.contact_files import Table
from app.services.media import split_list

# Our own properties, so a CommDesk export reads back without losing the press card.
X_FIELDS = {
    "x-press-card": "press_card_number",
    "x-press-card-issued": "press_card_issued",
    "x-press-card-expires": "press_card_expires",
    "x-resident-correspondent": "resident_correspondent",
    "x-do-not-contact": "do_not_contact",
    "x-do-not-contact-reason": "do_not_contact_reason",
}
VCARD_COLUMNS = [
    "full_name",
    "agency",
    "title",
    "emails",
    "phones",
    "beats",
    "notes",
    *X_FIELDS.values(),
]


def read_vcards(text: str, name: str) -> Table:
    """Every card as a row already in our field names (the mapping step is skipped)."""
    import vobject  # loaded on first use, to keep start-up quick

    rows: list[dict[str, str]] = []
    try:
        for card in vobject.readComponents(text, ignoreUnreadable=True):
            if card.name.upper() != "VCARD":
                continue
            rows.append(_card_values(card))
    except Exception as exc:  # vobject raises ParseError and plain ValueErrors
        raise CommDeskError(
            Message(f"Tệp vCard {name} bị lỗi: {exc}", f"The vCard file {name} is malformed: {exc}")
        ) from exc
    if not rows:
        raise CommDeskError(Message(f"Tệp {name} không có danh thiếp nào.", f"The file {name} has no cards."))
    table = Table(VCARD_COLUMNS, [[row.get(c, "") for c in VCARD_COLUMNS] for row in rows], "utf-8", "vcard")
    table.mapped = rows
    return table


def _values(card: Any, key: str) -> list[Any]:
    return [item.value for item in card.contents.get(key, [])]


def _card_values(card: Any) -> dict[str, str]:
    values: dict[str, str] = {}
    full_name = " ".join(str(v).split()) if (fn := _values(card, "fn")) and (v := fn[0]) else ""
    if not full_name and (names := _values(card, "n")):
        n = names[0]
        full_name = " ".join(p for p in (_joined(n.family), _joined(n.additional), _joined(n.given)) if p)
    values["full_name"] = full_name
    if orgs := _values(card, "org"):
        org = orgs[0]
        values["agency"] = (org[0] if isinstance(org, list) and org else str(org)).strip()
    if titles := _values(card, "title"):
        values["title"] = str(titles[0]).strip()
    values["emails"] = ", ".join(str(e).strip() for e in _values(card, "email") if str(e).strip())
    phones = [str(t).strip() for t in _values(card, "tel")]
    values["phones"] = ", ".join(p[4:] if p.lower().startswith("tel:") else p for p in phones if p)
    beats: list[str] = []
    for categories in _values(card, "categories"):
        beats.extend(categories if isinstance(categories, list) else split_list(str(categories)))
    values["beats"] = ", ".join(b.strip() for b in beats if b.strip())
    if notes := _values(card, "note"):
        values["notes"] = "\n".join(str(n) for n in notes)
    for prop, name in X_FIELDS.items():
        if found := _values(card, prop):
            values[name] = str(found[0]).strip()
    return values


def _joined(part: Any) -> str:
    return " ".join(part) if isinstance(part, list) else str(part or "")


def write_vcards(people: Iterable[dict[str, Any]], version: str = "3.0") -> str:
    """Cards for journalists given as dicts (``full_name``, ``agency``, ``emails``...)."""
    if version not in ("3.0", "4.0"):
        raise ValueError("vCard version must be 3.0 or 4.0")
    import vobject

    out = []
    for person in people:
        card = vobject.vCard()
        card.add("version").value = version
        full_name = person["full_name"]
        card.add("fn").value = full_name
        words = full_name.split()
        family = words[0] if len(words) > 1 else ""
        given = words[-1] if words else full_name
        middle = " ".join(words[1:-1])
        card.add("n").value = vobject.vcard.Name(family=family, given=given, additional=middle)
        if person.get("agency"):
            card.add("org").value = [person["agency"]]
        if person.get("title"):
            card.add("title").value = person["title"]
        for email in split_list(person.get("emails")):
            item = card.add("email")
            item.value = email
            item.type_param = "INTERNET" if version == "3.0" else "work"
        for phone in split_list(person.get("phones")):
            card.add("tel").value = phone
        if beats := split_list(person.get("beats")):
            card.add("categories").value = beats
        if person.get("notes"):
            card.add("note").value = person["notes"]
        for prop, name in X_FIELDS.items():
            value = person.get(name)
            if value not in (None, "", False):
                card.add(prop).value = "1" if value is True else str(value)
        out.append(card.serialize())
    return "".join(out)
