"""Create, read, update, soft-delete, list and search for one synced entity."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from sqlalchemy import String, func, inspect, literal_column, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement, Select

from app.errors import CommDeskError, FieldProblem, NotFound, ValidationError
from app.i18n import Message
from app.models import SYNCED_MODELS, Synced, new_id, utcnow
from app.models.enums import OutboxOp
from app.models.sort_keys import KEY_COLUMN, SORT_SOURCES
from app.services.context import ServiceContext
from app.services.fields import REF, TEXT, Field, clean_fields, is_empty
from app.services.labels import field_label
from app.services.rows import to_row
from app.text import fts_prefix_query

SEARCHABLE_TABLES = frozenset({"journalist", "press_agency", "staff_member", "activity", "coverage_item"})
# The order of each searchable list, with a covering index of live rows in that order
# (``ix_<table>_live_order``, migrations 0005 and 0009; names by their stored Vietnamese sort key):
# a search in this order with no other filter walks that index and checks rowids against the
# match, without reading the rows themselves.
SEARCH_SORT = {
    "journalist": "full_name",
    "press_agency": "name",
    "staff_member": "full_name",
    "activity": "starts_at",
    "coverage_item": "published_at",
}


Stamp = tuple[int | None, str]


def stamp_of(row: Any) -> Stamp:
    """What tells one version of a record from the next: the server's version and the last edit's
    clock stamp (local edits change the stamp, pulled ones both)."""
    return (row.version, row.updated_hlc or "")


class RecordChanged(CommDeskError):
    """A save was based on an older version of the record than the one stored now."""


@dataclass(frozen=True)
class Page:
    rows: list[Any]
    total: int


class EntityService:
    """Subclass per entity with ``model`` and ``fields``; add rules in :meth:`check`."""

    model: ClassVar[type[Any]]
    fields: ClassVar[dict[str, Field]]
    # (earlier, later): the later may not come before the earlier.
    ordered_pairs: ClassVar[tuple[tuple[str, str], ...]] = ()
    default_order: ClassVar[str] = "updated_at"

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.table: str = self.model.__tablename__  # type: ignore[attr-defined]
        self.specs = self._with_column_limits(self.fields)

    def _with_column_limits(self, fields: dict[str, Field]) -> dict[str, Field]:
        columns = inspect(self.model).columns
        specs: dict[str, Field] = {}
        for name, spec in fields.items():
            column_type = columns[name].type
            if (
                spec.max_len is None
                and spec.kind != REF
                and isinstance(column_type, String)
                and column_type.length
            ):
                spec = Field(**{**spec.__dict__, "max_len": column_type.length})
            specs[name] = spec
        return specs

    # ----- reading -------------------------------------------------------------------------

    def get(self, row_id: str, include_deleted: bool = False) -> Any:
        with self.ctx.db.session() as session:
            return to_row(self._load(session, row_id, include_deleted))

    def ensure_unchanged(self, row_id: str, expected: Stamp) -> None:
        """Refuse to write over a record that changed since ``expected`` was read (a form saving)."""
        with self.ctx.db.session() as session:
            self._ensure_unchanged_in(session, row_id, expected)

    def _ensure_unchanged_in(self, session: Session, row_id: str, expected: Stamp) -> None:
        if stamp_of(self._load(session, row_id)) != expected:
            raise RecordChanged(
                Message(
                    "Bản ghi vừa được người khác thay đổi; hãy xem lại trước khi lưu.",
                    "The record was just changed elsewhere; review it before saving.",
                )
            )

    def get_many(self, ids: Sequence[str]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        with self.ctx.db.session() as session:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                for obj in session.scalars(select(self.model).where(self.model.id.in_(chunk))):
                    found[obj.id] = to_row(obj)
        return found

    def list(
        self,
        filters: dict[str, Any] | None = None,
        search: str | None = None,
        order_by: str | None = None,
        descending: bool = False,
        limit: int | None = None,
        offset: int = 0,
        include_deleted: bool = False,
    ) -> list[Any]:
        expression = self._index_only(filters, search, order_by, include_deleted)
        if expression:
            ids = self._index_ids(expression, descending, limit, offset)
            found = self.get_many(ids)
            return [found[row_id] for row_id in ids if row_id in found]
        query = self.query(filters, search, include_deleted)
        query = self._ordered(query, order_by, descending).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self.ctx.db.session() as session:
            return [to_row(obj) for obj in session.scalars(query)]

    def page(self, page_size: int = 100, page_number: int = 0, **criteria: Any) -> Page:
        rows = self.list(limit=page_size, offset=page_size * page_number, **criteria)
        return Page(rows, self.count(criteria.get("filters"), criteria.get("search")))

    def ids(
        self,
        filters: dict[str, Any] | None = None,
        search: str | None = None,
        order_by: str | None = None,
        descending: bool = False,
        limit: int | None = None,
    ) -> builtins.list[str]:
        """Matching ids in order (all, or the first ``limit``): the cheap first step of a lazy list."""
        expression = self._index_only(filters, search, order_by)
        if expression:
            return self._index_ids(expression, descending, limit)
        query = self._ordered(self.query(filters, search), order_by, descending)
        id_query = query.with_only_columns(self.model.id)
        if limit is not None:
            id_query = id_query.limit(limit)
        with self.ctx.db.session() as session:
            return list(session.scalars(id_query))

    def count(self, filters: dict[str, Any] | None = None, search: str | None = None) -> int:
        expression = self._index_only(filters, search)
        if expression:
            statement = text(f"SELECT count(*) FROM {self.table}_fts WHERE {self.table}_fts MATCH :match")
            with self.ctx.db.session() as session:
                return int(session.scalar(statement, {"match": expression}) or 0)
        query = self.query(filters, search).with_only_columns(func.count()).order_by(None)
        with self.ctx.db.session() as session:
            return int(session.scalar(query) or 0)

    def _index_only(
        self,
        filters: dict[str, Any] | None,
        search: str | None,
        order_by: str | None = None,
        include_deleted: bool = False,
    ) -> str:
        """The MATCH expression when the search index alone can answer, else ''.

        It can when there is a search and nothing else narrows it (the index holds exactly the
        rows that are not deleted) and the order is the one the index carries.
        """
        sort = SEARCH_SORT.get(self.table)
        if sort is None or include_deleted or not search or (order_by or self.default_order) != sort:
            return ""
        if any(True for _ in self.conditions(dict(filters or {}))):
            return ""
        return fts_prefix_query(search)

    def _index_ids(
        self, expression: str, descending: bool, limit: int | None, offset: int = 0
    ) -> builtins.list[str]:
        table = self.table
        order = KEY_COLUMN if SORT_SOURCES.get(table) == SEARCH_SORT[table] else SEARCH_SORT[table]
        direction = "DESC" if descending else "ASC"
        statement = text(
            f"SELECT id FROM {table} INDEXED BY ix_{table}_live_order "
            f"WHERE deleted_at IS NULL AND rowid IN "
            f"(SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH :match) "
            f"ORDER BY {order} {direction}, id LIMIT :limit OFFSET :offset"
        )
        values = {"match": expression, "limit": -1 if limit is None else limit, "offset": offset}
        with self.ctx.db.session() as session:
            return list(session.scalars(statement, values))

    def query(
        self, filters: dict[str, Any] | None = None, search: str | None = None, include_deleted: bool = False
    ) -> Select[Any]:
        query = select(self.model)
        if not include_deleted:
            query = query.where(self.model.deleted_at.is_(None))
        for condition in self.conditions(filters or {}):
            query = query.where(condition)
        if search and search.strip():
            expression = fts_prefix_query(search)
            if self.table not in SEARCHABLE_TABLES:
                raise ValueError(f"{self.table} has no search index")
            if expression:  # the index is keyed by the rows' own rowids (migration 0005)
                matches: Select[Any] = (
                    select(literal_column("rowid"))
                    .select_from(text(f"{self.table}_fts"))
                    .where(text(f"{self.table}_fts MATCH :match").bindparams(match=expression))
                )
                query = query.where(literal_column(f"{self.table}.rowid").in_(matches))
        return query

    def conditions(self, filters: dict[str, Any]) -> Iterable[ColumnElement[bool]]:
        """Equality filters (a list or set means 'any of'); subclasses add named filters."""
        columns = inspect(self.model).columns
        for name, value in filters.items():
            if name not in columns:
                raise ValueError(f"unknown filter {name!r} for {self.table}")
            column = getattr(self.model, name)
            if isinstance(value, list | tuple | set | frozenset):
                yield column.in_(list(value))
            elif value is None:
                yield column.is_(None)
            else:
                yield column == value

    def search_ids_query(self, search: str) -> Any:
        if self.table not in SEARCHABLE_TABLES:
            raise ValueError(f"{self.table} has no search index")
        expression = fts_prefix_query(search)
        if not expression:
            return select(self.model.id)
        return (
            select(text("id"))
            .select_from(text(f"{self.table}_fts"))
            .where(text(f"{self.table}_fts MATCH :match").bindparams(match=expression))
        )

    def _ordered(self, query: Select[Any], order_by: str | None, descending: bool) -> Select[Any]:
        primary = self.order_expression(order_by or self.default_order)
        return query.order_by(primary.desc() if descending else primary.asc(), self.model.id)

    def order_expression(self, name: str) -> ColumnElement[Any]:
        """What sorting by field ``name`` means: free text in Vietnamese order, the rest as stored."""
        return order_expression(self.model, name, self.specs.get(name))

    def _load(self, session: Session, row_id: str, include_deleted: bool = False) -> Synced:
        obj = session.get(self.model, row_id)
        if obj is None or (obj.deleted_at is not None and not include_deleted):
            raise NotFound(
                Message(
                    f"Không tìm thấy bản ghi ({field_label(self.table).vi}) — có thể đã bị xóa.",
                    f"The record ({self.table}) was not found; it may have been deleted.",
                )
            )
        return obj

    # ----- writing -------------------------------------------------------------------------

    def create(self, values: dict[str, Any]) -> Any:
        with self.ctx.db.session() as session, session.begin():
            row = self.create_in(session, values)
            result = to_row(row)
        self.ctx.bus.publish({self.table})
        return result

    def create_in(self, session: Session, values: dict[str, Any]) -> Synced:
        """Create inside a caller's transaction (for services that change several rows at once)."""
        cleaned = self.validate(session, values, current=None)
        row = self.model(id=values.get("id") or new_id(), office_id=self.ctx.office_id, **self._defaults())
        for name, value in cleaned.items():
            setattr(row, name, value)
        session.add(row)
        changes = {name: (None, getattr(row, name)) for name in self.specs if getattr(row, name) is not None}
        self.ctx.record(session, row, OutboxOp.INSERT, changes)
        session.flush()
        return row

    def update(
        self, row_id: str, values: dict[str, Any], action: str | None = None, expected: Stamp | None = None
    ) -> Any:
        """``expected``: the version the change was based on; a newer stored one refuses it."""
        with self.ctx.db.session() as session, session.begin():
            if expected is not None:
                self._ensure_unchanged_in(session, row_id, expected)
            row = self.update_in(session, row_id, values, action)
            result = to_row(row)
        self.ctx.bus.publish({self.table})
        return result

    def update_in(
        self, session: Session, row_id: str, values: dict[str, Any], action: str | None = None
    ) -> Synced:
        row = self._load(session, row_id)
        self._check_writable(row)
        cleaned = self.validate(session, values, current=row)
        changes = {}
        for name, value in cleaned.items():
            old = getattr(row, name)
            if old != value:
                changes[name] = (old, value)
                setattr(row, name, value)
        if changes:
            self.ctx.record(session, row, OutboxOp.UPDATE, changes, action)
            session.flush()
        return row

    def delete(self, row_id: str) -> None:
        with self.ctx.db.session() as session, session.begin():
            self.delete_in(session, row_id)
        self.ctx.bus.publish({self.table})

    def delete_in(self, session: Session, row_id: str) -> None:
        row = self._load(session, row_id)
        self._check_writable(row)
        now = utcnow()
        row.deleted_at = now
        self.ctx.record(session, row, OutboxOp.DELETE, {"deleted_at": (None, now)})
        session.flush()

    def _check_writable(self, row: Synced) -> None:
        """Rows of another office (reference data published centrally) are read-only here."""
        if self.ctx.office_id and row.office_id and row.office_id != self.ctx.office_id:
            raise ValidationError(
                [
                    FieldProblem(
                        "office_id",
                        Message("Dữ liệu dùng chung", "Shared reference data"),
                        Message(
                            "do cơ quan trung ương ban hành, chỉ được xem",
                            "published centrally; read-only here",
                        ),
                    )
                ]
            )

    def _defaults(self) -> dict[str, Any]:
        """Column defaults, applied now so validation sees the row as it will be stored."""
        values: dict[str, Any] = {}
        for column in inspect(self.model).columns:
            if column.key in self.specs and column.default is not None and column.default.is_scalar:
                values[column.key] = column.default.arg
        return values

    # ----- validation ----------------------------------------------------------------------

    def validate(self, session: Session, values: dict[str, Any], current: Synced | None) -> dict[str, Any]:
        values = {k: v for k, v in values.items() if k != "id"}
        cleaned, problems = clean_fields(self.specs, values, creating=current is None)
        merged = {name: getattr(current, name) for name in self.specs} if current is not None else {}
        merged.update(cleaned)
        problems.extend(self._check_references(session, cleaned))
        problems.extend(self._check_order(merged))
        if not problems:
            problems.extend(self.check(session, merged, current))
        if problems:
            raise ValidationError(problems)
        return cleaned

    def check(
        self, session: Session, merged: dict[str, Any], current: Synced | None
    ) -> builtins.list[FieldProblem]:
        """Entity rules over the row as it would be stored; override in subclasses."""
        return []

    def _check_references(self, session: Session, cleaned: dict[str, Any]) -> builtins.list[FieldProblem]:
        problems = []
        for name, value in cleaned.items():
            spec = self.specs[name]
            if spec.kind != REF or is_empty(value):
                continue
            assert spec.ref is not None
            target = session.get(SYNCED_MODELS[spec.ref], value)
            if target is None or target.deleted_at is not None:
                problems.append(
                    FieldProblem(
                        name,
                        field_label(name),
                        Message("không tồn tại hoặc đã bị xóa", "does not exist or was deleted"),
                    )
                )
        return problems

    def _check_order(self, merged: dict[str, Any]) -> builtins.list[FieldProblem]:
        problems = []
        for earlier, later in self.ordered_pairs:
            first, second = merged.get(earlier), merged.get(later)
            if first is not None and second is not None and second < first:
                problems.append(
                    FieldProblem(
                        later,
                        field_label(later),
                        Message(
                            f"không được trước {field_label(earlier).vi.lower()}",
                            f"must not be before {field_label(earlier).en.lower()}",
                        ),
                    )
                )
        return problems


def order_expression(model: Any, name: str, spec: Field | None = None) -> ColumnElement[Any]:
    """The Vietnamese order of a text column: its stored key (name lists, indexed), else the key
    computed while sorting; other columns sort as stored."""
    table = model.__tablename__
    if SORT_SOURCES.get(table) == name:
        return getattr(model, KEY_COLUMN)  # type: ignore[no-any-return]
    column = getattr(model, name)
    if spec is not None and spec.kind == TEXT:
        return func.vi_sort_key(column)
    return column  # type: ignore[no-any-return]


def text_field(required: bool = False, max_len: int | None = None) -> Field:
    return Field(TEXT, required=required, max_len=max_len)


def require_one_of(merged: dict[str, Any], names: tuple[str, ...]) -> builtins.list[FieldProblem]:
    """A problem on the first field when none of ``names`` has a value."""
    if any(not is_empty(merged.get(name)) for name in names):
        return []
    others = ", ".join(field_label(n).vi.lower() for n in names)
    others_en = ", ".join(field_label(n).en.lower() for n in names)
    return [
        FieldProblem(
            names[0],
            field_label(names[0]),
            Message(f"cần ít nhất một trong: {others}", f"needs at least one of: {others_en}"),
        )
    ]
