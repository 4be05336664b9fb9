"""The report's figures against a data set whose figures were counted by hand."""

from __future__ import annotations

from datetime import date

from report_data import build_quarter

from app.reports.figures import quarterly_figures
from app.reports.periods import quarter_of, quarter_period, spokesperson_year
from app.reports.tables import Narrative, layout_for
from app.services import Services


def test_calendar_and_cutoff_periods() -> None:
    q1 = quarter_period(2026, 1, "calendar_quarter")
    assert (q1.first, q1.last) == (date(2026, 1, 1), date(2026, 3, 31))
    q4 = quarter_period(2026, 4, "calendar_quarter")
    assert (q4.first, q4.last) == (date(2026, 10, 1), date(2026, 12, 31))
    cut1 = quarter_period(2026, 1, "cutoff_15th")
    assert (cut1.first, cut1.last) == (date(2025, 12, 15), date(2026, 3, 14))
    cut3 = quarter_period(2026, 3, "cutoff_15th")
    assert (cut3.first, cut3.last) == (date(2026, 6, 15), date(2026, 9, 14))
    year = spokesperson_year(2026)
    assert (year.first, year.last) == (date(2025, 12, 15), date(2026, 12, 14))
    # Local midnight of 1 January is 17:00 UTC on 31 December.
    assert q1.start_utc.isoformat() == "2025-12-31T17:00:00+00:00"
    assert quarter_of(date(2026, 3, 15), "cutoff_15th").number == 2
    assert quarter_of(date(2025, 12, 20), "cutoff_15th").year == 2026
    assert quarter_of(date(2026, 3, 14), "cutoff_15th").number == 1


def test_quarter_figures_match_the_hand_count(services: Services) -> None:
    x = build_quarter(services)
    f = quarterly_figures(services, 2026, 1, today=date(2026, 4, 2))

    a = f["activities"]
    assert a["total"] == x.activities_total
    assert a["done"] == x.activities_done
    for type_code, (total, done) in x.by_type.items():
        assert a["by_type"][type_code] == {"total": total, "done": done}, type_code
    assert {m["month"]: m["done"] for m in a["by_month"]} == {
        m: x.by_month_done.get(m, 0) for m in ("2026-01", "2026-02", "2026-03")
    }
    assert sum(a["by_status"].values()) == x.activities_total
    topics = {row["topic"]: row for row in a["by_topic"]}
    assert topics["Chuyển đổi số"]["total"] == 1  # the series' January occurrence
    assert topics["Nghị quyết về học phí"]["done"] == 1

    s = f["spokesperson"]
    assert s["press_conferences"]["value"] == x.press_conferences == 2
    assert s["press_briefings"]["value"] == x.press_briefings == 3
    assert s["press_requests"] == {"value": x.questions_answered, "of": x.questions_received}
    assert s["emergency_cases"] == {"value": x.emergency_spoken, "of": x.emergency_cases}
    assert s["statements_on_time"] == {"value": x.on_time, "of": x.with_deadline}
    assert s["replies_and_corrections"] == {"value": x.replies, "of": x.coverage_cases}

    c = f["compliance"]
    assert c["press_conferences_held"] == 2 and c["press_conferences_required"] == 1
    assert [m["count"] > 0 for m in c["information_by_month"]] == [True, True, True]
    assert c["questions"] == {
        "received": x.questions_received,
        "answered": x.questions_answered,
        "on_time": x.questions_on_time,
        "overdue": x.questions_overdue,
    }
    assert c["speakers_published"] == {"assigned": 2, "published_on_time": 1}

    cov = f["coverage"]
    assert cov["by_sentiment"] == x.coverage_by_sentiment
    assert cov["needs_action"] == x.coverage_cases and cov["handled"] == x.coverage_handled
    assert sum(r["total"] for r in cov["by_topic"]) == 10

    st = f["staff"]
    assert st["active_total"] == x.staff_active
    assert st["by_role"]["spokesperson"] == x.spokespersons
    assert st["by_role"]["dedicated"] == 1  # the one who left in 2025 is not counted
    assert (st["units_total"], st["units_with_focal_point"]) == (x.units_total, x.units_with_focal_point)
    assert st["training"]["hours"] == x.training_hours and st["training"]["people"] == x.training_people

    b = f["budget"]["totals"]
    assert b == {
        "allocated": x.allocated,
        "adjustments": x.adjustments,
        "spent_period": x.spent_period,
        "spent_to_date": x.spent_to_date,
    }
    assert f["budget"]["by_task"]["training"]["spent_to_date"] == 12_500_000
    assert f["budget"]["unallocated"]["spent_period"] == x.unallocated_period

    assert [p["title"] for p in f["plan"]] == x.plan
    assert f["direction"]["consultations_done"] == 1
    assert f["direction"]["draft_policies"] == 1


def test_cutoff_rule_moves_the_edges(services: Services) -> None:
    build_quarter(services)
    office = services.offices.current()
    services.offices.update(office.id, {"period_rule": "cutoff_15th"})
    f = quarterly_figures(services, 2026, 1)
    assert f["period"]["first"] == "2025-12-15" and f["period"]["last"] == "2026-03-14"
    # 31 December 2025 (cut-off period) is in; 20 March is out.
    assert f["activities"]["by_type"]["press_release"]["total"] == 1
    assert f["activities"]["by_type"]["press_conference_thematic"]["total"] == 0
    # Reporting months: 15 December-14 January is January.
    assert [m["month"] for m in f["activities"]["by_month"]] == ["2026-01", "2026-02", "2026-03"]
    assert f["activities"]["by_month"][0]["done"] >= 2


def test_empty_quarter_is_all_zeros(services: Services) -> None:
    f = quarterly_figures(services, 2026, 1)
    assert f["activities"]["total"] == 0
    assert all(v["value"] == 0 for v in f["spokesperson"].values())
    assert f["budget"]["totals"] == {"allocated": 0, "adjustments": 0, "spent_period": 0, "spent_to_date": 0}
    assert f["plan"] == []


def test_focal_point_who_left_mid_quarter_counts_the_same_in_the_report_and_the_staff_workspace(
    services: Services,
) -> None:
    x = build_quarter(services)
    dung = next(p for p in services.staff.list() if p.full_name == "Phạm Thu Dung")  # focal point of Sở Y tế

    def both(today: date) -> tuple[int, int]:
        report = quarterly_figures(services, 2026, 1, today=today)["staff"]["units_with_focal_point"]
        return report, services.units.focal_point_coverage(today=min(today, date(2026, 3, 31))).covered

    assert both(date(2026, 4, 2)) == (x.units_with_focal_point, x.units_with_focal_point)
    services.staff.update(dung.id, {"active_to": date(2026, 2, 15)})
    left = x.units_with_focal_point - 1
    # The quarter's report counts the units covered on its last day, as the Staff workspace does.
    assert both(date(2026, 4, 2)) == (left, left)
    # A draft made before she left still counts her, and so does the workspace on that day.
    assert both(date(2026, 2, 10)) == (x.units_with_focal_point, x.units_with_focal_point)
    assert both(date(2026, 2, 16)) == (left, left)
    # The quarter before ends while she is still there.
    q4 = quarterly_figures(services, 2025, 4, today=date(2026, 4, 2))["staff"]
    assert q4["units_with_focal_point"] == services.units.focal_point_coverage(date(2025, 12, 31)).covered
    assert q4["units_with_focal_point"] == x.units_with_focal_point and q4["focal_points_on"] == "2025-12-31"

    f = quarterly_figures(services, 2026, 1, today=date(2026, 4, 2))
    staff_text = " ".join(
        b
        for s in layout_for(f, Narrative()).sections
        if s.number == "IV"
        for b in s.blocks
        if isinstance(b, str)
    )
    assert f"Số đơn vị có đầu mối truyền thông (tại ngày 31/03/2026): {left} / {x.units_total}" in staff_text
