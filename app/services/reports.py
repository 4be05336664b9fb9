"""Service for report records (narrative, number, signer, issued checksum)."""

from __future__ import annotations

from app.models import Report
from app.models import enums as e
from app.services.entity import EntityService
from app.services.fields import DATETIME, ENUM, INT, TEXT, Field


class ReportService(EntityService):
    model = Report
    fields = {
        "kind": Field(ENUM, enum=e.ReportKind, required=True),
        "year": Field(INT, required=True, minimum=2000, maximum=2100),
        "period": Field(INT, minimum=0, maximum=4),
        "number": Field(TEXT),
        "symbol": Field(TEXT),
        "subject": Field(TEXT),
        "assessment": Field(TEXT, max_len=100000),
        "next_tasks": Field(TEXT, max_len=100000),
        "recommendations": Field(TEXT, max_len=100000),
        "signer_name": Field(TEXT),
        "signer_title": Field(TEXT),
        "status": Field(ENUM, enum=e.ReportStatus, required=True),
        "issued_at": Field(DATETIME),
        "figures_json": Field(TEXT, max_len=50_000_000),
        "file_sha256": Field(TEXT),
    }
    default_order = "year"
