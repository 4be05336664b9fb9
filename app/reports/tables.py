"""The report laid out as sections, paragraphs and labelled tables, in Vietnamese.

The PDF and the XLSX both render this one structure, so they always hold the same figures.
An official report is a Vietnamese document whatever the interface language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from app.models import enums as e
from app.reports.figures import TYPE_GROUPS, percent
from app.reports.periods import LOCAL_TZ, Period, period_title
from app.services.labels import enum_label
from app.services.money import format_vnd, group_thousands

TEXT, INT, MONEY, PERCENT, DATE, DATETIME = "text", "int", "money", "percent", "date", "datetime"


@dataclass(frozen=True)
class Column:
    header: str
    kind: str = TEXT
    width: float = 1.0  # relative width in the PDF


@dataclass
class Table:
    key: str
    title: str
    columns: list[Column]
    rows: list[list[Any]]
    total: list[Any] | None = None
    note: str = ""
    number: int = 0  # "Bảng N", assigned when the report is laid out


@dataclass
class Section:
    number: str  # Roman numeral
    title: str
    blocks: list[Any] = field(default_factory=list)  # str paragraphs, Table, Chart


@dataclass(frozen=True)
class Subheading:
    text: str


@dataclass(frozen=True)
class Chart:
    key: str  # activities_by_month, budget_by_task, coverage_by_sentiment
    title: str


@dataclass
class Narrative:
    """What people write and decide; stored in the report record."""

    number: str = ""
    subject: str = ""
    assessment: str = ""
    next_tasks: str = ""
    recommendations: str = ""
    signer_name: str = ""
    signer_title: str = ""
    recipients: str = ""


@dataclass
class Layout:
    kind: str
    subject: str
    sections: list[Section]

    def tables(self) -> list[Table]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Table)]


def label(enum: type[StrEnum], code: str) -> str:
    return enum_label(enum, code).vi


def month_label(code: str) -> str:
    year, month = code.split("-")
    return f"Tháng {int(month)}/{year}"


def percent_text(pct: float | None) -> str:
    """12.5 -> '12,5%'; None (nothing to measure against) -> '—'."""
    return "—" if pct is None else f"{pct:.1f}%".replace(".", ",")


def ratio_text(value: int, of: int | None) -> str:
    return percent_text(percent(value, of))


def number_text(value: int) -> str:
    return group_thousands(value)


def default_subject(kind: str, period: Period) -> str:
    if kind == e.ReportKind.ANNUAL_SPOKESPERSON.value:
        return (
            f"Kết quả thực hiện công tác phát ngôn và cung cấp thông tin cho báo chí {period_title(period)}"
        )
    return f"Kết quả công tác truyền thông chính sách {period_title(period)}"


def period_sentence(period: Period) -> str:
    return f"từ ngày {period.first:%d/%m/%Y} đến ngày {period.last:%d/%m/%Y}"


# ----- quarterly --------------------------------------------------------------------------


def quarterly_layout(figures: dict[str, Any], narrative: Narrative) -> Layout:
    period = Period.from_dict(figures["period"])
    following = Period.from_dict(figures["next_period"])
    subject = narrative.subject or default_subject(figures["kind"], period)
    sections = [
        _direction(figures, period),
        _activities(figures),
        _press(figures),
        _staff(figures),
        _budget(figures),
        Section("VI", "ĐÁNH GIÁ CHUNG", _paragraphs(narrative.assessment)),
        _plan(figures, following, narrative),
        Section("VIII", "KIẾN NGHỊ, ĐỀ XUẤT", _paragraphs(narrative.recommendations)),
    ]
    layout = Layout(figures["kind"], subject, sections)
    _number_tables(layout)
    return layout


def _paragraphs(text: str) -> list[Any]:
    parts = [p.strip() for p in text.splitlines() if p.strip()]
    return parts or ["(Chưa có nội dung.)"]


def _number_tables(layout: Layout) -> None:
    for number, table in enumerate(layout.tables(), start=1):
        table.number = number


def _direction(figures: dict[str, Any], period: Period) -> Section:
    d = figures["direction"]
    plan = d["plan"]
    text = [
        f"Trong kỳ báo cáo ({period_sentence(period)}), đơn vị theo dõi {number_text(d['topics_total'])} "
        f"chủ đề chính sách, trong đó {number_text(d['draft_policies'])} dự thảo chính sách theo Quyết định "
        f"407/QĐ-TTg và {number_text(d['meets_407'])} chủ đề đáp ứng các tiêu chí của Quyết định 407/QĐ-TTg; "
        f"đã tổ chức {number_text(d['consultations_done'])} hoạt động lấy ý kiến dự thảo chính sách.",
        f"Kế hoạch trong kỳ có {number_text(plan['scheduled'])} hoạt động: đã thực hiện "
        f"{number_text(plan['done'])} ({ratio_text(plan['done'], plan['scheduled'])}), hoãn "
        f"{number_text(plan['postponed'])}, hủy {number_text(plan['cancelled'])}, còn đang triển khai "
        f"{number_text(plan['open'])}.",
    ]
    stages = Table(
        "topics_by_stage",
        "Chủ đề chính sách theo giai đoạn",
        [Column("Giai đoạn", TEXT, 3), Column("Số chủ đề", INT)],
        [[label(e.TopicStage, code), n] for code, n in d["topics_by_stage"].items()],
        total=["Tổng số", d["topics_total"]],
    )
    return Section("I", "CÔNG TÁC CHỈ ĐẠO, XÂY DỰNG VÀ TRIỂN KHAI KẾ HOẠCH", [*text, stages])


def _activities(figures: dict[str, Any]) -> Section:
    a = figures["activities"]
    c = figures["compliance"]
    blocks: list[Any] = [
        Subheading("1. Hoạt động truyền thông chính sách"),
        f"Tổng số hoạt động trong kỳ: {number_text(a['total'])}, trong đó đã thực hiện "
        f"{number_text(a['done'])} ({ratio_text(a['done'], a['total'])}).",
    ]
    blocks.append(
        Table(
            "activities_by_type",
            "Hoạt động theo loại hình",
            [Column("Loại hoạt động", TEXT, 3), Column("Tổng số", INT), Column("Đã thực hiện", INT)],
            [[label(e.ActivityType, code), v["total"], v["done"]] for code, v in a["by_type"].items()],
            total=["Tổng số", a["total"], a["done"]],
        )
    )
    group_columns = [Column(GROUP_LABELS[g], INT) for g in TYPE_GROUPS]
    blocks.append(
        Table(
            "activities_by_month",
            "Hoạt động đã thực hiện theo tháng",
            [Column("Tháng", TEXT, 1.3), Column("Tổng số", INT), Column("Đã thực hiện", INT), *group_columns],
            [
                [month_label(m["month"]), m["total"], m["done"], *(m[g] for g in TYPE_GROUPS)]
                for m in a["by_month"]
            ],
            total=[
                "Cộng",
                sum(m["total"] for m in a["by_month"]),
                sum(m["done"] for m in a["by_month"]),
                *(sum(m[g] for m in a["by_month"]) for g in TYPE_GROUPS),
            ],
        )
    )
    blocks.append(Chart("activities_by_month", "Hoạt động đã thực hiện theo tháng và nhóm loại hình"))
    blocks.append(
        Table(
            "activities_by_status",
            "Hoạt động theo trạng thái",
            [Column("Trạng thái", TEXT, 3), Column("Số hoạt động", INT)],
            [[label(e.ActivityStatus, code), n] for code, n in a["by_status"].items()],
            total=["Tổng số", a["total"]],
        )
    )
    blocks.append(
        Table(
            "activities_by_topic",
            "Hoạt động theo chủ đề chính sách",
            [Column("Chủ đề", TEXT, 4), Column("Tổng số", INT), Column("Đã thực hiện", INT)],
            [[_topic_name(r), r["total"], r["done"]] for r in a["by_topic"]],
            note="Một hoạt động có thể thuộc nhiều chủ đề."
            if a["by_topic"]
            else "Không có hoạt động gắn chủ đề.",
        )
    )
    blocks.append(Subheading("2. Các chỉ tiêu về phát ngôn và cung cấp thông tin cho báo chí"))
    blocks.append(indicator_table(figures["spokesperson"]))
    blocks.append(Subheading("3. Việc thực hiện các quy định"))
    blocks.append(compliance_table(c, figures["rules"]))
    return Section(
        "II", "KẾT QUẢ HOẠT ĐỘNG TRUYỀN THÔNG CHÍNH SÁCH VÀ CUNG CẤP THÔNG TIN CHO BÁO CHÍ", blocks
    )


GROUP_LABELS = {
    "press_conferences": "Họp báo",
    "releases_and_posts": "Thông cáo, đăng tin",
    "interviews_and_dialogues": "Phỏng vấn, đối thoại",
    "replies_and_statements": "Trả lời, phát ngôn",
    "other": "Khác",
}

INDICATORS = [
    ("press_conferences", "Số cuộc họp báo đã tổ chức", None),
    ("press_briefings", "Số cuộc giao ban báo chí đã tham dự", None),
    ("press_requests", "Số yêu cầu của báo chí đã trả lời / đã nhận", "đã nhận"),
    ("emergency_cases", "Số vụ việc khẩn cấp đã phát ngôn / tổng số vụ việc", "vụ việc"),
    ("statements_on_time", "Số lần phát ngôn đúng hạn / số lần phát ngôn có thời hạn", "có thời hạn"),
    (
        "replies_and_corrections",
        "Số văn bản trả lời, đề nghị cải chính / số vụ việc cần xử lý trên báo chí",
        "cần xử lý",
    ),
]


def indicator_table(indicators: dict[str, Any]) -> Table:
    rows = []
    for number, (key, text, _) in enumerate(INDICATORS, start=1):
        item = indicators[key]
        of = item["of"]
        rows.append([number, text, item["value"], of, percent(item["value"], of)])
    return Table(
        "spokesperson_indicators",
        "Sáu chỉ tiêu về phát ngôn và cung cấp thông tin cho báo chí (Nghị định 244/2026/NĐ-CP, Điều 10)",
        [
            Column("STT", INT, 0.62),
            Column("Chỉ tiêu", TEXT, 5),
            Column("Kết quả", INT),
            Column("Trên tổng số", INT),
            Column("Tỷ lệ", PERCENT),
        ],
        rows,
    )


def _verdict(ok: bool) -> str:
    return "Đạt" if ok else "Chưa đạt"


def compliance_table(c: dict[str, Any], rules: dict[str, Any]) -> Table:
    held, required = c["press_conferences_held"], c["press_conferences_required"]
    months = c["information_by_month"]
    per_month = c.get("information_required_per_month", 1)
    informed = sum(1 for m in months if m["count"] >= per_month)
    emergency = c["emergency"]
    questions = c["questions"]
    speakers = c["speakers_published"]
    rows = [
        [
            f"Họp báo ít nhất {required} lần mỗi quý ({rules['press_conference_basis']})",
            f"{held} / {required} cuộc",
            _verdict(held >= required),
        ],
        [
            f"Cung cấp thông tin cho báo chí hằng tháng ({rules['information_basis']})",
            f"{informed} / {len(months)} tháng",
            _verdict(informed == len(months)),
        ],
        [
            f"Phát ngôn trong {rules['emergency_hours']} giờ đối với vụ việc khẩn cấp ({rules['emergency_basis']})",
            f"{emergency['on_time']} / {emergency['with_deadline']} lần",
            _verdict(emergency["on_time"] == emergency["with_deadline"]),
        ],
        [
            f"Trả lời câu hỏi của báo chí trong {rules['question_days']} ngày ({rules['press_question_basis']})",
            f"{questions['on_time']} / {questions['received']} câu hỏi",
            _verdict(questions["on_time"] == questions["received"]),
        ],
        [
            "Công bố thông tin người phát ngôn trong 24 giờ kể từ khi giao nhiệm vụ (Nghị định 244/2026/NĐ-CP)",
            f"{speakers['published_on_time']} / {speakers['assigned']} người",
            _verdict(speakers["published_on_time"] == speakers["assigned"]),
        ],
    ]
    return Table(
        "compliance",
        "Việc thực hiện các quy định về phát ngôn và cung cấp thông tin",
        [Column("Quy định", TEXT, 4.5), Column("Kết quả", TEXT, 1.6), Column("Đánh giá", TEXT, 1)],
        rows,
    )


def _press(figures: dict[str, Any]) -> Section:
    p = figures["press"]
    cov = figures["coverage"]
    q = p["questions"]
    total = cov["total"]
    blocks: list[Any] = [
        Subheading("1. Quan hệ với cơ quan báo chí, nhà báo"),
        f"Trong kỳ có {number_text(p['interactions_total'])} lượt làm việc với báo chí, với "
        f"{number_text(p['journalists_worked_with'])} nhà báo. Đã nhận {number_text(q['received'])} câu hỏi "
        f"của báo chí, đã trả lời {number_text(q['answered'])}, trong đó đúng hạn {number_text(q['on_time'])} "
        f"({ratio_text(q['on_time'], q['received'])}); quá hạn chưa trả lời {number_text(q['overdue'])}.",
        Table(
            "interactions_by_kind",
            "Lượt làm việc với báo chí theo hình thức",
            [Column("Hình thức", TEXT, 3), Column("Số lượt", INT)],
            [[label(e.InteractionKind, code), n] for code, n in p["interactions_by_kind"].items()],
            total=["Tổng số", p["interactions_total"]],
        ),
        Subheading("2. Thông tin trên báo chí"),
        f"Tổng số tin, bài về các chủ đề chính sách của tỉnh trong kỳ: {number_text(total)}; số tin, bài cần "
        f"xử lý: {number_text(cov['needs_action'])}, đã phản hồi hoặc xử lý xong: {number_text(cov['handled'])}.",
        Table(
            "coverage_by_sentiment",
            "Tin, bài theo sắc thái",
            [Column("Sắc thái", TEXT, 3), Column("Số tin, bài", INT), Column("Tỷ lệ", PERCENT)],
            [[label(e.Sentiment, code), n, percent(n, total)] for code, n in cov["by_sentiment"].items()],
            total=["Tổng số", total, percent(total, total)],
        ),
        Chart("coverage_by_sentiment", "Tin, bài theo sắc thái"),
        Table(
            "coverage_by_medium",
            "Tin, bài theo loại hình báo chí",
            [Column("Loại hình", TEXT, 3), Column("Số tin, bài", INT)],
            [[label(e.MediaType, code), n] for code, n in cov["by_medium"].items()],
            total=["Tổng số", total],
        ),
        Table(
            "coverage_by_topic",
            "Tin, bài theo chủ đề chính sách",
            [
                Column("Chủ đề", TEXT, 4),
                Column("Tích cực", INT),
                Column("Trung lập", INT),
                Column("Tiêu cực", INT),
                Column("Tổng số", INT),
            ],
            [
                [_topic_name(r), r["positive"], r["neutral"], r["negative"], r["total"]]
                for r in cov["by_topic"]
            ],
            note="Một tin, bài có thể thuộc nhiều chủ đề."
            if cov["by_topic"]
            else "Không có tin, bài gắn chủ đề.",
        ),
    ]
    return Section("III", "QUAN HỆ VỚI BÁO CHÍ VÀ THÔNG TIN TRÊN BÁO CHÍ", blocks)


def _topic_name(row: dict[str, Any]) -> str:
    if row["topic"] is None:
        return f"Các chủ đề khác ({row['others']} chủ đề)"
    return row["topic"] or "(không tên)"


def _staff(figures: dict[str, Any]) -> Section:
    s = figures["staff"]
    t = s["training"]
    blocks: list[Any] = [
        f"Số cán bộ làm công tác truyền thông chính sách, phát ngôn trong kỳ: {number_text(s['active_total'])}. "
        f"Số đơn vị có đầu mối truyền thông{_on_day(s.get('focal_points_on'))}: "
        f"{number_text(s['units_with_focal_point'])} / "
        f"{number_text(s['units_total'])} ({ratio_text(s['units_with_focal_point'], s['units_total'])}).",
        Table(
            "staff_by_role",
            "Cán bộ theo vai trò",
            [Column("Vai trò", TEXT, 3), Column("Số người", INT)],
            [[label(e.StaffRole, code), n] for code, n in s["by_role"].items()],
            note="Một người có thể giữ nhiều vai trò.",
        ),
        f"Đào tạo, bồi dưỡng: {number_text(t['records'])} lượt, {number_text(t['people'])} người, tổng "
        f"{number_text(t['hours'])} giờ, kinh phí {format_vnd(t['cost'])}.",
        Table(
            "training_by_area",
            "Đào tạo, bồi dưỡng theo nội dung",
            [
                Column("Nội dung", TEXT, 3),
                Column("Số lượt", INT),
                Column("Số người", INT),
                Column("Số giờ", INT),
            ],
            [[_area_name(r), r["records"], r["people"], r["hours"]] for r in s["training_by_area"]],
            total=["Tổng số", t["records"], t["people"], t["hours"]],
        ),
    ]
    return Section("IV", "NHÂN LỰC VÀ ĐÀO TẠO, BỒI DƯỠNG", blocks)


def _on_day(iso: str | None) -> str:
    """ " (tại ngày 31/03/2026)"; nothing for figures frozen before the date was recorded."""
    if not iso:
        return ""
    day = date.fromisoformat(iso)
    return f" (tại ngày {day.day:02d}/{day.month:02d}/{day.year})"


def _area_name(row: dict[str, Any]) -> str:
    if row["area"] is None:
        return f"Các nội dung khác ({row['others']} nội dung)"
    return row["area"] or "(chưa phân loại)"


BUDGET_COLUMNS = [
    Column("Dự toán giao", MONEY, 1.3),
    Column("Điều chỉnh", MONEY, 1.2),
    Column("Dự toán sau điều chỉnh", MONEY, 1.3),
    Column("Chi trong kỳ", MONEY, 1.2),
    Column("Lũy kế chi", MONEY, 1.3),
    Column("Tỷ lệ", PERCENT, 0.8),
]


def _budget_row(name: str, b: dict[str, int]) -> list[Any]:
    total = b["allocated"] + b["adjustments"]
    return [
        name,
        b["allocated"],
        b["adjustments"],
        total,
        b["spent_period"],
        b["spent_to_date"],
        percent(b["spent_to_date"], total),
    ]


def _budget(figures: dict[str, Any]) -> Section:
    b = figures["budget"]
    totals = b["totals"]
    available = totals["allocated"] + totals["adjustments"]
    unallocated = b["unallocated"]
    first = date.fromisoformat(b["to_date_from"])
    blocks: list[Any] = [
        f"Dự toán năm {b['fiscal_year']} (kể cả điều chỉnh): {format_vnd(available)}; chi trong kỳ "
        f"{format_vnd(totals['spent_period'])}; lũy kế chi từ ngày {first:%d/%m/%Y}: "
        f"{format_vnd(totals['spent_to_date'])}, đạt {ratio_text(totals['spent_to_date'], available)} dự toán.",
        Table(
            "budget_by_source",
            "Kinh phí theo nguồn (đồng)",
            [Column("Nguồn kinh phí", TEXT, 2), *BUDGET_COLUMNS],
            [_budget_row(label(e.FundingSource, code), v) for code, v in b["by_source"].items()],
            total=_budget_row("Tổng cộng", totals),
        ),
        Table(
            "budget_by_task",
            "Kinh phí theo nhiệm vụ chi (đồng)",
            [Column("Nhiệm vụ chi", TEXT, 2), *BUDGET_COLUMNS],
            [_budget_row(label(e.TaskCategory, code), v) for code, v in b["by_task"].items()],
            total=_budget_row("Tổng cộng", totals),
        ),
        Chart("budget_by_task", "Dự toán và lũy kế chi theo nhiệm vụ chi"),
    ]
    if unallocated["spent_to_date"] or unallocated["spent_period"]:
        blocks.append(
            f"Các khoản chi chưa gắn với dự toán: trong kỳ {format_vnd(unallocated['spent_period'])}, lũy kế "
            f"{format_vnd(unallocated['spent_to_date'])}."
        )
    return Section("V", "KINH PHÍ", blocks)


def local_datetime_text(iso: str) -> str:
    moment = datetime.fromisoformat(iso).astimezone(LOCAL_TZ)
    return f"{moment:%d/%m/%Y %H:%M}"


def _plan(figures: dict[str, Any], following: Period, narrative: Narrative) -> Section:
    plan = figures["plan"]
    blocks: list[Any] = [*_paragraphs(narrative.next_tasks)] if narrative.next_tasks.strip() else []
    blocks.append(
        f"Các hoạt động đã lên lịch {period_title(following)} ({period_sentence(following)}): "
        f"{number_text(len(plan))} hoạt động."
    )
    blocks.append(
        Table(
            "plan",
            f"Kế hoạch hoạt động {period_title(following)}",
            [
                Column("STT", INT, 0.62),
                Column("Thời gian", DATETIME, 1.35),
                Column("Loại hoạt động", TEXT, 1.7),
                Column("Nội dung", TEXT, 3.2),
                Column("Địa điểm", TEXT, 1.6),
                Column("Trạng thái", TEXT, 1.1),
            ],
            [
                [
                    i,
                    p["starts_at"],
                    label(e.ActivityType, p["type"]),
                    p["title"],
                    p["location"],
                    label(e.ActivityStatus, p["status"]),
                ]
                for i, p in enumerate(plan, start=1)
            ],
            note="" if plan else "Chưa có hoạt động nào được lên lịch.",
        )
    )
    return Section("VII", f"NHIỆM VỤ, KẾ HOẠCH {period_title(following).upper()}", blocks)


# ----- annual spokesperson report ---------------------------------------------------------


def annual_layout(figures: dict[str, Any], narrative: Narrative) -> Layout:
    period = Period.from_dict(figures["period"])
    subject = narrative.subject or default_subject(figures["kind"], period)
    speakers = figures["speakers"]
    by_month = figures["press_conferences_by_month"]
    sections = [
        Section(
            "I",
            "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
            [
                f"Kỳ báo cáo: {period_sentence(period)} (Nghị định 244/2026/NĐ-CP, Điều 10).",
                indicator_table(figures["spokesperson"]),
                Table(
                    "press_conferences_by_month",
                    "Họp báo đã tổ chức theo tháng",
                    [Column("Tháng", TEXT, 2), Column("Số cuộc họp báo", INT)],
                    [[month_label(m["month"]), m["count"]] for m in by_month],
                    total=["Cộng", sum(m["count"] for m in by_month)],
                ),
            ],
        ),
        Section(
            "II",
            "NGƯỜI PHÁT NGÔN VÀ NGƯỜI ĐƯỢC ỦY QUYỀN PHÁT NGÔN",
            [
                Table(
                    "speakers",
                    "Danh sách người phát ngôn, người được ủy quyền phát ngôn",
                    [
                        Column("STT", INT, 0.62),
                        Column("Họ và tên", TEXT, 2),
                        Column("Chức vụ", TEXT, 2),
                        Column("Vai trò", TEXT, 1.8),
                        Column("Quyết định", TEXT, 1.3),
                        Column("Ngày quyết định", DATE, 1.2),
                        Column("Điện thoại", TEXT, 1.3),
                    ],
                    [
                        [
                            i,
                            s["name"],
                            s["position"],
                            label(e.StaffRole, s["role"]),
                            s["decision_number"],
                            s["decision_date"],
                            s["phone"],
                        ]
                        for i, s in enumerate(speakers, start=1)
                    ],
                    note="" if speakers else "Chưa có người phát ngôn trong kỳ.",
                )
            ],
        ),
        Section("III", "ĐÁNH GIÁ CHUNG", _paragraphs(narrative.assessment)),
        Section("IV", "KIẾN NGHỊ, ĐỀ XUẤT", _paragraphs(narrative.recommendations)),
    ]
    layout = Layout(figures["kind"], subject, sections)
    _number_tables(layout)
    return layout


def layout_for(figures: dict[str, Any], narrative: Narrative) -> Layout:
    if figures["kind"] == e.ReportKind.ANNUAL_SPOKESPERSON.value:
        return annual_layout(figures, narrative)
    return quarterly_layout(figures, narrative)
