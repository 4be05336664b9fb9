"""Likely duplicate journalists, and merging two records into one."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from app.errors import CommDeskError
from app.i18n import Message
from app.models import ActivityInvitee, DistributionListMember, Interaction, Journalist, utcnow
from app.models.enums import OutboxOp
from app.services.calendar import InviteeService
from app.services.media import InteractionService, JournalistService, add_member_in, split_list
from app.services.rows import to_row
from app.text import fold, sort_key

# Folded names this many edits apart (a letter wrong, missing or extra, or two letters swapped)
# count as "the same name". A looser similarity ratio pairs "Nguyễn Ngọc Dung" with "Nguyễn Ngọc
# Cường": long shared family and middle names make different given names look alike.
NAME_EDITS = 1


@dataclass(frozen=True)
class DuplicatePair:
    first_id: str
    second_id: str
    first_name: str
    second_name: str
    score: float  # name similarity, 0-100
    reasons: tuple[str, ...]  # "email", "phone", "name"

    def describe(self) -> Message:
        vi = {"email": "trùng thư điện tử", "phone": "trùng số điện thoại", "name": "tên gần giống"}
        en = {"email": "same e-mail", "phone": "same phone", "name": "similar name"}
        return Message(
            ", ".join(vi[r] for r in self.reasons) + f" ({self.score:.0f}%)",
            ", ".join(en[r] for r in self.reasons) + f" ({self.score:.0f}%)",
        )


def phone_key(phone: str) -> str:
    """Digits only, with Vietnam's +84 read as a leading 0, so '+84 912 345 678' == '0912345678'."""
    digits = re.sub(r"\D", "", phone)
    if digits.startswith("84") and len(digits) >= 11:
        digits = "0" + digits[2:]
    return digits


def email_key(email: str) -> str:
    return email.strip().lower()


@dataclass(frozen=True)
class _Person:
    id: str
    name: str
    folded: str
    agency_id: str | None
    emails: frozenset[str]
    phones: frozenset[str]
    sorted_name: str  # the folded words in sorted order


class DuplicateService:
    def __init__(
        self, journalists: JournalistService, interactions: InteractionService, invitees: InviteeService
    ) -> None:
        self.journalists = journalists
        self.interactions = interactions
        self.invitees = invitees
        self.ctx = journalists.ctx

    def _people(self) -> list[_Person]:
        query = select(
            Journalist.id, Journalist.full_name, Journalist.agency_id, Journalist.emails, Journalist.phones
        ).where(Journalist.deleted_at.is_(None))
        with self.ctx.db.session() as session:
            return [
                _Person(
                    row_id,
                    name,
                    " ".join(fold(name).split()),
                    agency_id,
                    frozenset(email_key(x) for x in split_list(emails)),
                    frozenset(phone_key(x) for x in split_list(phones) if phone_key(x)),
                    " ".join(sorted(fold(name).split())),
                )
                for row_id, name, agency_id, emails, phones in session.execute(query)
            ]

    def find(self, max_edits: int = NAME_EDITS) -> list[DuplicatePair]:
        """Pairs that share an e-mail or a phone, or whose names are nearly the same.

        Same names are common in Vietnam, so a similar name alone counts only when the two
        work for the same agency (or one has no agency recorded). Names are compared folded: a
        typo anywhere in the name (the given name too), accents typed or not, or the same words
        in another order (the given name first) are all caught. Blocks keep it fast on
        20k journalists: every pair within one agency, and each person without an agency
        against those who share their family name (first word) or given name (last word).
        """
        from rapidfuzz import fuzz, process  # loaded on first use, to keep start-up quick
        from rapidfuzz.distance import OSA

        people = self._people()
        by_id = {p.id: p for p in people}
        found: dict[tuple[str, str], set[str]] = defaultdict(set)

        for reason, keys in (("email", lambda p: p.emails), ("phone", lambda p: p.phones)):
            owners: dict[str, list[str]] = defaultdict(list)
            for person in people:
                for key in keys(person):
                    owners[key].append(person.id)
            for ids in owners.values():
                for i, a in enumerate(ids):
                    for b in ids[i + 1 :]:
                        found[_pair(a, b)].add(reason)

        for first, candidates in _name_blocks(people):
            # As written, a typo apart; or the same words in another order (never a typo apart
            # once sorted: "Tuấn Hoàng" and "Hoàng Quân" would then differ by one letter).
            for spelling, edits in (("folded", max_edits), ("sorted_name", 0)):
                matches = process.extract(
                    getattr(first, spelling),
                    [getattr(c, spelling) for c in candidates],
                    scorer=OSA.distance,
                    score_cutoff=edits,
                    limit=None,
                )
                for _name, _edits, offset in matches:
                    found[_pair(first.id, candidates[offset].id)].add("name")

        pairs = []
        for (a, b), reasons in found.items():
            score = fuzz.ratio(by_id[a].sorted_name, by_id[b].sorted_name)
            ordered = tuple(r for r in ("email", "phone", "name") if r in reasons)
            pairs.append(DuplicatePair(a, b, by_id[a].name, by_id[b].name, score, ordered))
        pairs.sort(key=lambda p: (-len(p.reasons), -p.score, sort_key(p.first_name)))
        return pairs

    def similar_to(self, journalist_id: str, limit: int = 5) -> list[DuplicatePair]:
        return [p for p in self.find() if journalist_id in (p.first_id, p.second_id)][:limit]

    def merge(self, keep_id: str, drop_id: str) -> Any:
        """Fold ``drop`` into ``keep`` in one transaction and soft-delete ``drop``.

        ``keep``'s values win; its empty fields take ``drop``'s; e-mails, phones and beats are
        united. Interactions, invitations and list memberships of both end up on ``keep``.
        """
        if keep_id == drop_id:
            raise CommDeskError(
                Message(
                    "Không thể gộp một nhà báo với chính mình.", "A journalist cannot be merged with itself."
                )
            )
        touched = {"journalist", "interaction", "activity_invitee", "distribution_list_member"}
        with self.ctx.db.session() as session, session.begin():
            keep = self.journalists._load(session, keep_id)
            drop = self.journalists._load(session, drop_id)
            self.journalists.update_in(session, keep_id, merged_values(keep, drop), action="merge")

            for interaction in session.scalars(
                select(Interaction).where(
                    Interaction.journalist_id == drop_id, Interaction.deleted_at.is_(None)
                )
            ).all():
                self.interactions.update_in(
                    session, interaction.id, {"journalist_id": keep_id}, action="merge"
                )

            kept_invitations = {
                invitee.activity_id
                for invitee in session.scalars(
                    select(ActivityInvitee).where(
                        ActivityInvitee.journalist_id == keep_id, ActivityInvitee.deleted_at.is_(None)
                    )
                )
            }
            for invitee in session.scalars(
                select(ActivityInvitee).where(
                    ActivityInvitee.journalist_id == drop_id, ActivityInvitee.deleted_at.is_(None)
                )
            ).all():
                if invitee.activity_id in kept_invitations:
                    self.invitees.delete_in(session, invitee.id)
                else:
                    self.invitees.update_in(session, invitee.id, {"journalist_id": keep_id}, action="merge")

            for member in session.scalars(
                select(DistributionListMember).where(
                    DistributionListMember.journalist_id == drop_id,
                    DistributionListMember.deleted_at.is_(None),
                )
            ).all():
                add_member_in(self.journalists, session, member.list_id, keep_id)
                removed_at = utcnow()
                member.deleted_at = removed_at
                self.ctx.record(session, member, OutboxOp.DELETE, {"deleted_at": (None, removed_at)}, "merge")

            self.journalists.delete_in(session, drop_id)
            result = to_row(keep)
        self.ctx.bus.publish(touched)
        return result


def merged_values(keep: Any, drop: Any) -> dict[str, Any]:
    """What ``keep`` becomes: its own values, the other's where it has none, lists united."""
    values: dict[str, Any] = {}
    for name in JournalistService.fields:
        mine, theirs = getattr(keep, name), getattr(drop, name)
        if name in ("emails", "phones", "beats"):
            united = _unite(
                split_list(mine), split_list(theirs), phone_key if name == "phones" else email_key
            )
            values[name] = ", ".join(united)
        elif name == "notes":
            parts = [p for p in (mine, theirs) if p and p.strip()]
            values[name] = "\n\n".join(dict.fromkeys(parts))
        elif name == "do_not_contact":
            values[name] = bool(mine or theirs)
        elif name == "do_not_contact_reason":
            values[name] = mine or theirs or ""
        elif mine in (None, "") and theirs not in (None, ""):
            values[name] = theirs
    return values


def _unite(first: Iterable[str], second: Iterable[str], key: Any) -> list[str]:
    seen: dict[str, str] = {}
    for item in [*first, *second]:
        seen.setdefault(key(item) or item, item)
    return list(seen.values())


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _name_blocks(people: list[_Person]) -> Iterator[tuple[_Person, list[_Person]]]:
    """Each person with the people their name is compared to (each pair once)."""
    by_agency: dict[str, list[_Person]] = defaultdict(list)
    by_word: dict[str, list[_Person]] = defaultdict(list)
    for person in people:
        if not person.folded:
            continue
        if person.agency_id:
            by_agency[person.agency_id].append(person)
        words = person.folded.split()
        for word in {words[0], words[-1]}:
            by_word[word].append(person)
    for block in by_agency.values():
        for i, first in enumerate(block[:-1]):
            yield first, block[i + 1 :]
    for first in people:
        if first.agency_id or not first.folded:
            continue
        words = first.folded.split()
        candidates: dict[str, _Person] = {}
        for word in {words[0], words[-1]}:
            for other in by_word[word]:
                # two people without an agency: compared once, from the smaller id
                if other.id != first.id and (other.agency_id or other.id > first.id):
                    candidates[other.id] = other
        if candidates:
            yield first, list(candidates.values())
