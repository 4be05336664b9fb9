"""Services for the office, its units, policy topics, staff and training."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import FieldProblem
from app.i18n import Message
from app.models import Office, PolicyTopic, StaffMember, Synced, TrainingRecord, Unit
from app.models import enums as e
from app.services.entity import EntityService
from app.services.fields import (
    BOOL,
    DATE,
    DATETIME,
    EMAIL_KIND,
    ENUM,
    ENUM_SET,
    INT,
    MONEY,
    PHONE,
    REF,
    TEXT,
    Field,
)
from app.services.labels import field_label


class OfficeService(EntityService):
    model = Office
    fields = {
        "code": Field(TEXT, required=True),
        "name": Field(TEXT, required=True),
        "province": Field(TEXT, required=True),
        "superior_body": Field(TEXT),
        "place_name": Field(TEXT),
        "symbol_suffix": Field(TEXT, required=True),
        "signer_name": Field(TEXT),
        "signer_title": Field(TEXT),
        "report_recipients": Field(TEXT),
        "period_rule": Field(ENUM, enum=e.PeriodRule, required=True),
    }
    default_order = "name"

    def current(self) -> Any | None:
        """The office this database belongs to, or None before first-run set-up."""
        rows = self.list(limit=1, order_by="updated_at")
        return rows[0] if rows else None

    def set_up(self, values: dict[str, Any]) -> Any:
        """First run: create the office and make it the owner of every later record."""
        office_id = values.get("id") or self._new_office_id()
        previous, self.ctx.office_id = self.ctx.office_id, office_id
        try:
            return self.create({**values, "id": office_id})
        except BaseException:
            self.ctx.office_id = previous  # refused: later records must not name a phantom office
            raise

    @staticmethod
    def _new_office_id() -> str:
        from app.models import new_id

        return new_id()

    def check(self, session: Session, merged: dict[str, Any], current: Synced | None) -> list[FieldProblem]:
        clash = session.scalar(
            select(Office.id).where(Office.code == merged.get("code"), Office.deleted_at.is_(None))
        )
        if clash is not None and (current is None or clash != current.id):
            return [FieldProblem("code", field_label("code"), Message("đã được dùng", "is already used"))]
        return []


class UnitService(EntityService):
    model = Unit
    fields = {
        "name": Field(TEXT, required=True),
        "kind": Field(ENUM, enum=e.UnitKind, required=True),
        "focal_point_id": Field(REF, ref="staff_member"),
        "notes": Field(TEXT, max_len=4000),
    }
    default_order = "name"


class TopicService(EntityService):
    model = PolicyTopic
    fields = {
        "name": Field(TEXT, required=True),
        "field": Field(TEXT),
        "document_number": Field(TEXT),
        "kind": Field(ENUM, enum=e.TopicKind, required=True),
        "stage": Field(ENUM, enum=e.TopicStage, required=True),
        "meets_407_criteria": Field(BOOL),
        "lead_agency": Field(TEXT),
        "keywords": Field(TEXT, max_len=4000),
    }
    default_order = "name"


class StaffService(EntityService):
    model = StaffMember
    fields = {
        "full_name": Field(TEXT, required=True),
        "position": Field(TEXT),
        "unit_id": Field(REF, ref="unit"),
        "roles": Field(ENUM_SET, enum=e.StaffRole),
        "decision_number": Field(TEXT),
        "decision_date": Field(DATE),
        "authorisation_scope": Field(TEXT, max_len=4000),
        "authorised_from": Field(DATE),
        "authorised_to": Field(DATE),
        "phone": Field(PHONE),
        "email": Field(EMAIL_KIND),
        "published_on_portal_at": Field(DATETIME),
        "active_from": Field(DATE),
        "active_to": Field(DATE),
        "notes": Field(TEXT, max_len=4000),
    }
    ordered_pairs = (("authorised_from", "authorised_to"), ("active_from", "active_to"))
    default_order = "full_name"


class TrainingService(EntityService):
    model = TrainingRecord
    fields = {
        "staff_id": Field(REF, ref="staff_member", required=True),
        "course": Field(TEXT, required=True),
        "organiser": Field(TEXT),
        "starts_on": Field(DATE, required=True),
        "ends_on": Field(DATE),
        "hours": Field(INT, minimum=0, maximum=2000),
        "content_area": Field(TEXT),
        "certificate": Field(TEXT),
        "cost": Field(MONEY),
        "expires_on": Field(DATE),
    }
    ordered_pairs = (("starts_on", "ends_on"),)
    default_order = "starts_on"
