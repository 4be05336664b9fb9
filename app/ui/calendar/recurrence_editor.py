"""Choosing how an activity repeats, and reading back an existing RFC 5545 rule."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from app.services.recurrence import LOCAL_TZ, RecurrenceError, Rule, parse_rule

DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
FREQUENCIES = ("none", "daily", "weekly", "monthly", "quarterly", "yearly", "custom")


def _parts(value: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in value.split(";") if "=" in part)


class RecurrenceEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start = datetime.now(LOCAL_TZ)
        self._auto_day = -1
        self.tzid = "Asia/Ho_Chi_Minh"
        self.frequency = QComboBox()
        self.frequency.setObjectName("recurrenceFrequency")
        labels = (
            self.tr("Does not repeat"),
            self.tr("Daily"),
            self.tr("Weekly"),
            self.tr("Monthly"),
            self.tr("Quarterly"),
            self.tr("Yearly"),
            self.tr("Custom rule (RFC 5545)"),
        )
        for code, label in zip(FREQUENCIES, labels, strict=True):
            self.frequency.addItem(label, code)
        self.interval = QSpinBox()
        self.interval.setRange(1, 99)
        self.interval_label = QLabel(self.tr("every"))
        self.days = [QCheckBox(name) for name in self._day_names()]
        self.monthly_mode = QComboBox()
        self.monthly_mode.setObjectName("monthlyMode")
        self.end_mode = QComboBox()
        self.end_mode.addItem(self.tr("No end"), "never")
        self.end_mode.addItem(self.tr("Until"), "until")
        self.end_mode.addItem(self.tr("Number of times"), "count")
        self.until = QDateEdit()
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("dd/MM/yyyy")
        self.count = QSpinBox()
        self.count.setRange(1, 999)
        self.count.setValue(10)
        self.custom = QLineEdit()
        self.custom.setPlaceholderText("FREQ=MONTHLY;BYDAY=-1TH")
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #c62828;")

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.frequency, 0, 0)
        every = QHBoxLayout()
        every.addWidget(self.interval_label)
        every.addWidget(self.interval)
        every.addStretch(1)
        grid.addLayout(every, 0, 1)
        days = QHBoxLayout()
        for box in self.days:
            days.addWidget(box)
        days.addStretch(1)
        grid.addLayout(days, 1, 0, 1, 2)
        grid.addWidget(self.monthly_mode, 2, 0, 1, 2)
        ends = QHBoxLayout()
        ends.addWidget(self.end_mode)
        ends.addWidget(self.until)
        ends.addWidget(self.count)
        ends.addStretch(1)
        grid.addLayout(ends, 3, 0, 1, 2)
        grid.addWidget(self.custom, 4, 0, 1, 2)
        grid.addWidget(self.problem, 5, 0, 1, 2)

        for signal in (self.frequency.currentIndexChanged, self.end_mode.currentIndexChanged):
            signal.connect(self._refresh)
        for widget in (self.interval, self.count):
            widget.valueChanged.connect(self._emit)
        self.monthly_mode.currentIndexChanged.connect(self._emit)
        self.until.dateChanged.connect(self._emit)
        self.custom.textChanged.connect(self._emit)
        for box in self.days:
            box.toggled.connect(self._emit)
        self.set_start(self.start)
        self._refresh()

    def _day_names(self) -> list[str]:
        return [
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        ]

    def _emit(self) -> None:
        self.changed.emit()

    def set_start(self, start: datetime) -> None:
        """The series start decides the choices offered ("on day 31", "on the last Thursday")."""
        self.start = start.astimezone(LOCAL_TZ) if start.tzinfo else start.replace(tzinfo=LOCAL_TZ)
        day = self.start.date()
        current = self.monthly_mode.currentData()
        self.monthly_mode.blockSignals(True)
        self.monthly_mode.clear()
        names = self._day_names()
        nth = (day.day - 1) // 7 + 1
        self.monthly_mode.addItem(
            self.tr("On day %1 (months without it are skipped)").replace("%1", str(day.day)),
            f"BYMONTHDAY={day.day}",
        )
        if nth <= 4:
            self.monthly_mode.addItem(
                self.tr("On the %1 %2").replace("%1", self._ordinal(nth)).replace("%2", names[day.weekday()]),
                f"BYDAY={nth}{DAY_CODES[day.weekday()]}",
            )
        self.monthly_mode.addItem(
            self.tr("On the last %1").replace("%1", names[day.weekday()]),
            f"BYDAY=-1{DAY_CODES[day.weekday()]}",
        )
        self.monthly_mode.addItem(self.tr("On the last day of the month"), "BYMONTHDAY=-1")
        self.monthly_mode.addItem(
            self.tr("On the last working day (Mon–Fri)"), "BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"
        )
        found = self.monthly_mode.findData(current)
        self.monthly_mode.setCurrentIndex(max(0, found))
        self.monthly_mode.blockSignals(False)
        checked = [i for i, box in enumerate(self.days) if box.isChecked()]
        if not checked or checked == [self._auto_day]:
            # the weekday follows the start until the person picks days themselves
            for index, box in enumerate(self.days):
                box.setChecked(index == day.weekday())
            self._auto_day = day.weekday()
        if self.until.date() < QDate(day.year, day.month, day.day):
            self.until.setDate(QDate(day.year, 12, 31))

    def _ordinal(self, nth: int) -> str:
        return (self.tr("first"), self.tr("second"), self.tr("third"), self.tr("fourth"))[nth - 1]

    def _refresh(self) -> None:
        code = self.frequency.currentData()
        repeating = code not in ("none", "custom")
        self.interval.setVisible(repeating and code != "quarterly")
        self.interval_label.setVisible(repeating and code != "quarterly")
        for box in self.days:
            box.setVisible(code == "weekly")
        self.monthly_mode.setVisible(code in ("monthly", "quarterly"))
        self.end_mode.setVisible(repeating)
        mode = self.end_mode.currentData()
        self.until.setVisible(repeating and mode == "until")
        self.count.setVisible(repeating and mode == "count")
        self.custom.setVisible(code == "custom")
        self.changed.emit()

    # ----- reading and writing the rule ----------------------------------------------------

    def rule_value(self) -> str:
        """The RRULE value for the choices made ("" when the activity does not repeat)."""
        code = self.frequency.currentData()
        if code == "none":
            return ""
        if code == "custom":
            return self.custom.text().strip().removeprefix("RRULE:").upper()
        parts = []
        if code == "quarterly":
            parts += ["FREQ=MONTHLY", "INTERVAL=3"]
        else:
            parts.append(f"FREQ={code.upper()}")
            if self.interval.value() > 1:
                parts.append(f"INTERVAL={self.interval.value()}")
        if code == "weekly":
            chosen = [DAY_CODES[i] for i, box in enumerate(self.days) if box.isChecked()]
            if chosen:
                parts.append("BYDAY=" + ",".join(chosen))
        if code in ("monthly", "quarterly"):
            parts.append(self.monthly_mode.currentData())
        mode = self.end_mode.currentData()
        if mode == "until":
            day = self.until.date().toPython()
            assert isinstance(day, date)
            end = datetime.combine(day, time(23, 59, 59), LOCAL_TZ).astimezone(UTC)
            parts.append("UNTIL=" + end.strftime("%Y%m%dT%H%M%SZ"))
        elif mode == "count":
            parts.append(f"COUNT={self.count.value()}")
        return ";".join(parts)

    def rule_text(self, start: datetime) -> str:
        """The ``rrule`` column text, keeping the series' own time zone."""
        value = self.rule_value()
        return Rule(value, self.tzid).text(start) if value else ""

    def error(self) -> str:
        try:
            parse_rule(self.rule_value())
        except RecurrenceError as exc:
            return str(exc)
        return ""

    def set_rule(self, text: str, start: datetime) -> None:
        self.set_start(start)
        try:
            rule = parse_rule(text)
        except RecurrenceError:
            rule = None
            self.frequency.setCurrentIndex(FREQUENCIES.index("custom"))
            self.custom.setText(text)
            return
        if rule is None:
            self.frequency.setCurrentIndex(0)
            return
        self.tzid = rule.tzid
        parts = _parts(rule.value)
        freq = parts.pop("FREQ", "")
        interval = int(parts.pop("INTERVAL", "1") or 1)
        until = parts.pop("UNTIL", None)
        count = parts.pop("COUNT", None)
        parts.pop("WKST", None)
        code = {"DAILY": "daily", "WEEKLY": "weekly", "MONTHLY": "monthly", "YEARLY": "yearly"}.get(
            freq, "custom"
        )
        if code == "monthly" and interval == 3:
            code, interval = "quarterly", 1
        monthly_value = ";".join(f"{k}={v}" for k, v in parts.items())
        simple = (
            (code in ("daily", "yearly") and not parts)
            or (
                code == "weekly"
                and set(parts) <= {"BYDAY"}
                and all(d in DAY_CODES for d in parts.get("BYDAY", "").split(",") if d)
            )
            or (code in ("monthly", "quarterly") and self.monthly_mode.findData(monthly_value) >= 0)
        )
        if not simple:
            self.frequency.setCurrentIndex(FREQUENCIES.index("custom"))
            self.custom.setText(rule.value)
            return
        self.frequency.setCurrentIndex(FREQUENCIES.index(code))
        self.interval.setValue(interval)
        if code == "weekly":
            chosen = parts.get("BYDAY", DAY_CODES[self.start.weekday()]).split(",")
            for index, box in enumerate(self.days):
                box.setChecked(DAY_CODES[index] in chosen)
        if code in ("monthly", "quarterly"):
            self.monthly_mode.setCurrentIndex(self.monthly_mode.findData(monthly_value))
        if until:
            moment = datetime.strptime(until[:15], "%Y%m%dT%H%M%S").replace(tzinfo=UTC).astimezone(LOCAL_TZ)
            self.end_mode.setCurrentIndex(1)
            self.until.setDate(QDate(moment.year, moment.month, moment.day))
        elif count:
            self.end_mode.setCurrentIndex(2)
            self.count.setValue(int(count))
        else:
            self.end_mode.setCurrentIndex(0)
        self._refresh()
