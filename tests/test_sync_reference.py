"""Reference data: what the central role publishes reaches every office, read-only there."""

from __future__ import annotations

import pytest
from sync_harness import (  # noqa: F401  (fixtures)
    Harness,
    harness_fixture,
    live_server_fixture,
    memory_keyring_fixture,
    quick_argon2_fixture,
    server_kind_fixture,
    server_rows,
)

from app.errors import ValidationError
from app.sync.local import LocalStore


def test_the_national_press_directory_reaches_every_office_read_only(harness: Harness) -> None:
    harness.office("TW")
    central = harness.desk("trung-uong", office="TW", set_up=True, login=False)
    harness.user("trung-uong", office="TW", role="central")
    central.sync.login(harness.server.url, "trung-uong", "mật-khẩu-đủ-dài")
    agency = central.services.agencies.create(
        {"name": "Thông tấn xã Việt Nam", "short_name": "TTXVN", "kind": "news_agency", "level": "central"}
    )
    central.ok_round()

    a = harness.desk("an", office="UBND-A", set_up=True)
    b = harness.desk("binh", office="UBND-B", set_up=True)
    journalist = a.services.journalists.create({"full_name": "Phóng viên TTXVN", "agency_id": None})
    a.ok_round()
    b.ok_round()
    for desk in (a, b):
        row = desk.services.agencies.get(agency.id)
        assert row.short_name == "TTXVN" and row.office_id == central.services.ctx.office_id
        with pytest.raises(ValidationError):
            desk.services.agencies.update(agency.id, {"short_name": "đổi"})
        with pytest.raises(ValidationError):
            desk.services.agencies.delete(agency.id)
    # An office may point at the shared directory from its own records.
    a.services.journalists.update(journalist.id, {"agency_id": agency.id})
    assert a.ok_round().repaired == []
    # A change published centrally arrives at the next round; the offices' own checks stay clean.
    central.services.agencies.update(agency.id, {"website": "https://vnanet.vn"})
    central.ok_round()
    result = b.ok_round()
    assert result.pulled == 1 and result.repaired == []
    assert b.services.agencies.get(agency.id).website == "https://vnanet.vn"
    assert "press_agency" not in LocalStore(b.services.db).digests(b.services.ctx.office_id)
    assert server_rows(harness.server)[journalist.id]["agency_id"] == agency.id
