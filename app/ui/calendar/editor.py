"""The activity editor: every field, type-specific parts, recurrence, invitees, conflict warnings.

Topics and invitations are rows of their own, changed by other desks independently of the
activity: while the editor is open they are watched like the activity itself. Untouched lists
reload quietly; edited ones get their own bar (reload the lists, or keep the edits laid over the
newer lists), and saving sends only what the person changed in them.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QStringListModel, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import NotFound, ValidationError
from app.models import enums as e
from app.services.labels import enum_label
from app.services.schedule import (
    ActivityDetails,
    ActivityLinks,
    Choices,
    ConflictWarning,
    Occurrence,
    Scope,
    TopicChanges,
)
from app.ui.calendar.common import at_local, while_alive
from app.ui.calendar.invitees import AttendanceDelegate, InviteeModel, InviteeRow, merge_invitee_edits
from app.ui.calendar.recurrence_editor import RecurrenceEditor
from app.ui.context import UiContext
from app.ui.form_dialog import FormDialog, RecordChangedBar
from app.ui.formatting import LOCAL_TZ, format_datetime
from app.ui.money_edit import MoneyEdit

PRESS_CONFERENCES = {t.value for t in e.PRESS_CONFERENCE_TYPES}
INVITING_TYPES = PRESS_CONFERENCES | {"interview", "dialogue", "talk_show", "press_briefing"}
LINK_TABLES = frozenset({"activity_topic", "activity_invitee"})


def to_qt(moment: datetime) -> QDateTime:
    local = moment.astimezone(LOCAL_TZ)
    return QDateTime(local.year, local.month, local.day, local.hour, local.minute, 0)


def from_qt(value: QDateTime) -> datetime:
    plain = value.toPython()
    assert isinstance(plain, datetime)
    return plain.replace(second=0, microsecond=0, tzinfo=LOCAL_TZ)


def countdown_text(left: timedelta) -> str:
    seconds = int(left.total_seconds())
    sign = "-" if seconds < 0 else ""
    seconds = abs(seconds)
    return f"{sign}{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def ask_scope(parent: QWidget, verb: str) -> Scope | None:
    """For a repeating activity: this occurrence, this and the following ones, or all?"""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(verb)
    box.setText(QCoreApplication.translate("ActivityEditor", "This activity repeats. Which occurrences?"))
    this = box.addButton(
        QCoreApplication.translate("ActivityEditor", "This occurrence"), QMessageBox.ButtonRole.AcceptRole
    )
    following = box.addButton(
        QCoreApplication.translate("ActivityEditor", "This and following"), QMessageBox.ButtonRole.AcceptRole
    )
    every = box.addButton(
        QCoreApplication.translate("ActivityEditor", "All occurrences"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    scopes: dict[object, Scope] = {this: "this", following: "following", every: "all"}
    return scopes.get(clicked)


def confirm_conflicts(parent: QWidget, warnings: list[ConflictWarning]) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("ActivityEditor", "Check the schedule"))
    box.setText("\n".join(f"• {w.message}" for w in warnings))
    box.setInformativeText(QCoreApplication.translate("ActivityEditor", "Save anyway?"))
    save = box.addButton(
        QCoreApplication.translate("ActivityEditor", "Save anyway"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QCoreApplication.translate("ActivityEditor", "Go back"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is save


class ActivityEditor(FormDialog):
    """Create an activity (``occurrence`` None) or edit one occurrence / series."""

    def __init__(
        self,
        ctx: UiContext,
        occurrence: Occurrence | None = None,
        start: datetime | None = None,
        all_day: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent, occurrence.activity if occurrence else None, ctx.services.activities)
        self.occurrence = occurrence
        self.setObjectName("activityEditor")
        self.setWindowTitle(self.tr("Edit activity") if occurrence else self.tr("New activity"))
        self.resize(860, 760)
        self.ready = False
        self.details: ActivityDetails | None = None
        # Replaceable for tests and scripts: how to ask about series scope and conflicts.
        self.choose_scope: Callable[[], Scope | None] = lambda: ask_scope(self, self.tr("Save"))
        self.accept_conflicts: Callable[[list[ConflictWarning]], bool] = lambda w: confirm_conflicts(self, w)
        self._journalists: dict[str, str] = {}
        self._agencies: dict[str, str] = {}
        self._links: ActivityLinks | None = None  # the topics and invitations as last shown from storage
        self._newer_links: ActivityLinks | None = None  # changed lists waiting for the person's choice
        self._build()
        first = start or at_local(date.today(), 9)
        self.starts.setDateTime(to_qt(first))
        self.ends.setDateTime(to_qt(first + timedelta(hours=2)))
        self.all_day.setChecked(all_day)
        self.recurrence.set_start(first)
        self._countdown = QTimer(self)
        self._countdown.timeout.connect(self._update_emergency)
        self._countdown.start(1000)
        self._conflict_timer = QTimer(self)
        self._conflict_timer.setSingleShot(True)
        self._conflict_timer.setInterval(400)
        self._conflict_timer.timeout.connect(self._check_conflicts)
        self._load()

    # ----- building ------------------------------------------------------------------------

    def _combo(self, enum: Any, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        for member in enum:
            combo.addItem(str(enum_label(enum, member.value)), member.value)
        return combo

    def _build(self) -> None:
        self.title = QLineEdit()
        self.title.setObjectName("title")
        self.title.setPlaceholderText(self.tr("e.g. Regular press conference, first quarter"))
        self.type = self._combo(e.ActivityType, "type")
        self.nature = self._combo(e.ActivityNature, "nature")
        self.mode = self._combo(e.ActivityMode, "mode")
        self.status = QComboBox()
        self.status.setObjectName("status")
        self.starts = QDateTimeEdit()
        self.starts.setObjectName("starts_at")
        self.ends = QDateTimeEdit()
        self.ends.setObjectName("ends_at")
        for edit in (self.starts, self.ends):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("HH:mm dd/MM/yyyy")
        self.all_day = QCheckBox(self.tr("All day"))
        self.location = QLineEdit()
        self.location.setObjectName("location")
        self.chair = QComboBox()
        self.chair.setObjectName("chair_id")
        self.spokesperson = QComboBox()
        self.spokesperson.setObjectName("spokesperson_id")
        self.description = QPlainTextEdit()
        self.description.setObjectName("description")
        self.description.setFixedHeight(70)
        self.planned_cost = MoneyEdit()
        self.planned_cost.setObjectName("planned_cost")
        self.actual_cost = MoneyEdit()
        self.actual_cost.setObjectName("actual_cost")
        self.reminder = QSpinBox()
        self.reminder.setObjectName("reminder_minutes")
        self.reminder.setRange(-1, 60 * 24 * 30)
        self.reminder.setSpecialValueText(self.tr("Default"))
        self.reminder.setSuffix(self.tr(" min before"))
        self.reminder.setValue(-1)
        self.topics = QListWidget()
        self.topics.setObjectName("topics")
        self.topics.setFixedHeight(90)
        self.recurrence = RecurrenceEditor()
        self.conflicts = QLabel()
        self.conflicts.setObjectName("conflicts")
        self.conflicts.setWordWrap(True)
        self.conflicts.setStyleSheet("color: #8d4b00; background: #fff4e0; padding: 4px;")
        self.conflicts.hide()

        general = QFormLayout()
        general.addRow(self.tr("Title"), self.title)
        kind = QHBoxLayout()
        kind.addWidget(self.type, 2)
        kind.addWidget(self.nature, 1)
        kind.addWidget(self.mode, 1)
        general.addRow(self.tr("Type"), kind)
        general.addRow(self.tr("Status"), self.status)
        times = QHBoxLayout()
        times.addWidget(self.starts)
        times.addWidget(QLabel("→"))
        times.addWidget(self.ends)
        times.addWidget(self.all_day)
        times.addStretch(1)
        general.addRow(self.tr("When"), times)
        general.addRow(self.tr("Location"), self.location)
        people = QHBoxLayout()
        people.addWidget(QLabel(self.tr("Chair")))
        people.addWidget(self.chair, 1)
        people.addWidget(QLabel(self.tr("Spokesperson")))
        people.addWidget(self.spokesperson, 1)
        general.addRow(self.tr("People"), people)
        general.addRow("", self.conflicts)
        general.addRow(self.tr("Topics"), self.topics)
        general.addRow(self.tr("Description"), self.description)
        money = QHBoxLayout()
        money.addWidget(QLabel(self.tr("Planned")))
        money.addWidget(self.planned_cost)
        money.addWidget(QLabel(self.tr("Actual")))
        money.addWidget(self.actual_cost)
        general.addRow(self.tr("Cost"), money)
        general.addRow(self.tr("Reminder"), self.reminder)

        repeat_box = QGroupBox(self.tr("Repeat"))
        QVBoxLayout(repeat_box).addWidget(self.recurrence)

        self.invitee_box = QGroupBox(self.tr("Invited press agencies and journalists"))
        self.invitee_model = InviteeModel(self)
        self.invitee_table = QTableView()
        self.invitee_table.setObjectName("invitees")
        self.invitee_table.setModel(self.invitee_model)
        self.invitee_table.setItemDelegateForColumn(2, AttendanceDelegate(self.invitee_table))
        self.invitee_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.invitee_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.invitee_table.verticalHeader().hide()
        self.invitee_table.setFixedHeight(130)
        self.agency_pick = QLineEdit()
        self.agency_pick.setObjectName("agencyPick")
        self.agency_pick.setPlaceholderText(self.tr("Press agency…"))
        self.journalist_pick = QLineEdit()
        self.journalist_pick.setObjectName("journalistPick")
        self.journalist_pick.setPlaceholderText(self.tr("Journalist…"))
        self.invite_button = QPushButton(self.tr("Invite"))
        self.remove_invitee = QPushButton(self.tr("Remove"))
        picks = QHBoxLayout()
        picks.addWidget(self.agency_pick, 1)
        picks.addWidget(self.journalist_pick, 1)
        picks.addWidget(self.invite_button)
        picks.addWidget(self.remove_invitee)
        invitees = QVBoxLayout(self.invitee_box)
        invitees.addWidget(self.invitee_table)
        invitees.addLayout(picks)
        self.invite_button.clicked.connect(self._invite)
        self.remove_invitee.clicked.connect(self._remove_invitee)

        self.emergency_box = QGroupBox(self.tr("Emergency statement"))
        self.case_known = QCheckBox(self.tr("Case received at"))
        self.case_received = QDateTimeEdit()
        self.case_received.setObjectName("case_received_at")
        self.statement_known = QCheckBox(self.tr("Statement made at"))
        self.statement_made = QDateTimeEdit()
        self.statement_made.setObjectName("statement_made_at")
        for edit in (self.case_received, self.statement_made):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("HH:mm dd/MM/yyyy")
            edit.setDateTime(to_qt(datetime.now(UTC)))
        self.deadline = QLabel()
        self.deadline.setObjectName("statementDeadline")
        self.countdown = QLabel()
        self.countdown.setObjectName("countdown")
        emergency = QGridLayout(self.emergency_box)
        emergency.addWidget(self.case_known, 0, 0)
        emergency.addWidget(self.case_received, 0, 1)
        emergency.addWidget(QLabel(self.tr("Deadline")), 1, 0)
        emergency.addWidget(self.deadline, 1, 1)
        emergency.addWidget(self.countdown, 1, 2)
        emergency.addWidget(self.statement_known, 2, 0)
        emergency.addWidget(self.statement_made, 2, 1)
        for widget in (self.case_known, self.statement_known):
            widget.toggled.connect(self._update_emergency)
        for edit in (self.case_received, self.statement_made):
            edit.dateTimeChanged.connect(self._update_emergency)

        body = QWidget()
        column = QVBoxLayout(body)
        column.addLayout(general)
        column.addWidget(self.emergency_box)
        column.addWidget(self.invitee_box)
        column.addWidget(repeat_box)
        column.addStretch(1)
        scroller = QScrollArea()
        scroller.setWidget(body)
        scroller.setWidgetResizable(True)

        layout = self.set_form(
            scroller,
            errors={
                "title": self.title,
                "type": self.type,
                "status": self.status,
                "starts_at": self.starts,
                "ends_at": self.ends,
                "location": self.location,
                "chair_id": self.chair,
                "spokesperson_id": self.spokesperson,
                "planned_cost": self.planned_cost,
                "actual_cost": self.actual_cost,
                "reminder_minutes": self.reminder,
                "rrule": self.recurrence,
                "case_received_at": self.case_received,
                "statement_made_at": self.statement_made,
                "description": self.description,
                "agency_id": self.agency_pick,
                "journalist_id": self.journalist_pick,
            },
        )
        layout.setStretch(0, 1)
        self.links_bar = RecordChangedBar(self)
        self.links_bar.setObjectName("linksChangedBar")
        self.links_bar.reload_button.clicked.connect(self.reload_links)
        self.links_bar.keep_button.clicked.connect(self.keep_my_link_edits)
        layout.insertWidget(layout.indexOf(self.change_bar) + 1, self.links_bar)
        self.buttons.setEnabled(False)
        if self.occurrence is not None:
            self.ctx.data_changed.changed.connect(self._links_maybe_changed)

        self.type.currentIndexChanged.connect(self._type_changed)
        self.all_day.toggled.connect(self._all_day_changed)
        self.starts.dateTimeChanged.connect(self._start_changed)
        for signal in (
            self.ends.dateTimeChanged,
            self.chair.currentIndexChanged,
            self.spokesperson.currentIndexChanged,
        ):
            signal.connect(self._schedule_conflict_check)
        self._type_changed()

    # ----- loading -------------------------------------------------------------------------

    def _load(self) -> None:
        calendar = self.ctx.services.calendar
        activity_id = self.occurrence.activity.id if self.occurrence else None

        def load() -> tuple[Choices, ActivityDetails | None, ActivityLinks | None, list[str], int]:
            details = calendar.details(activity_id) if activity_id else None
            links = calendar.links(activity_id) if activity_id else None
            status = details.activity.status if details else e.ActivityStatus.PLANNED.value
            reminder = int(self.ctx.services.preferences.get("reminders.minutes_before"))
            return calendar.choices(), details, links, calendar.allowed_statuses(status), reminder

        self.ctx.tasks.run_db(load, self._loaded, self.errors.show)

    @while_alive
    def _loaded(
        self, result: tuple[Choices, ActivityDetails | None, ActivityLinks | None, list[str], int]
    ) -> None:
        choices, details, links, allowed, default_reminder = result
        self.details = details
        self.reminder.setSpecialValueText(self.tr("Default (%1 min)").replace("%1", str(default_reminder)))
        for combo in (self.chair, self.spokesperson):
            combo.addItem("—", None)
            for staff_id, name in choices.staff:
                combo.addItem(name, staff_id)
        for topic_id, name in choices.topics:
            self._add_topic_item(topic_id, name)
        self._agencies = self._unique(choices.agencies)
        self._journalists = self._unique(choices.journalists)
        for edit, names in ((self.agency_pick, self._agencies), (self.journalist_pick, self._journalists)):
            completer = QCompleter(QStringListModel(list(names), edit), edit)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            edit.setCompleter(completer)
        current = details.activity.status if details else e.ActivityStatus.PLANNED.value
        for code in [current, *allowed]:
            self.status.addItem(str(enum_label(e.ActivityStatus, code)), code)
        if details is not None and self.occurrence is not None:
            self._fill(details, self.occurrence)
            self._show_links(links or ActivityLinks(details.topic_ids, {}, details.invitees))
            self.loaded()
        self.ready = True
        self.buttons.setEnabled(True)
        self._schedule_conflict_check()

    @staticmethod
    def _unique(pairs: list[tuple[str, str]]) -> dict[str, str]:
        names: dict[str, str] = {}
        for row_id, name in pairs:
            label, n = name, 2
            while label in names:
                label, n = f"{name} ({n})", n + 1
            names[label] = row_id
        return names

    @property
    def saved_row(self) -> Any:
        return self.saved

    def fill(self, row: Any) -> None:
        """The activity changed underneath: show its new version (topics and invitees are watched
        on their own, see :meth:`check_links`)."""
        occurrence, details = self.occurrence, self.details
        if occurrence is None or details is None:
            return
        if occurrence.is_recurring:
            occurrence = dataclasses.replace(occurrence, activity=row)
        else:
            occurrence = dataclasses.replace(
                occurrence, activity=row, starts_at=row.starts_at, ends_at=row.ends_at
            )
        self.occurrence, self.details = occurrence, dataclasses.replace(details, activity=row)
        if self.status.findData(row.status) < 0:
            self.status.insertItem(0, str(enum_label(e.ActivityStatus, row.status)), row.status)
        self.status.setCurrentIndex(self.status.findData(row.status))
        self._fill(self.details, occurrence)

    def form_state(self) -> dict[str, Any]:
        return {**self.values(), "status": self.status.currentData()}

    def _fill(self, details: ActivityDetails, occurrence: Occurrence) -> None:
        row = details.activity
        self.title.setText(row.title)
        self.type.setCurrentIndex(self.type.findData(row.type))
        self.nature.setCurrentIndex(self.nature.findData(row.nature))
        self.mode.setCurrentIndex(self.mode.findData(row.mode))
        self.all_day.setChecked(row.all_day)
        self.starts.setDateTime(to_qt(occurrence.starts_at))
        self.ends.setDateTime(to_qt(occurrence.ends_at or occurrence.starts_at))
        self.location.setText(row.location)
        self.chair.setCurrentIndex(max(0, self.chair.findData(row.chair_id)))
        self.spokesperson.setCurrentIndex(max(0, self.spokesperson.findData(row.spokesperson_id)))
        self.description.setPlainText(row.description)
        self.planned_cost.setAmount(row.planned_cost or None)
        self.actual_cost.setAmount(row.actual_cost or None)
        self.reminder.setValue(-1 if row.reminder_minutes is None else row.reminder_minutes)
        series_rule = row.rrule
        if occurrence.is_recurring and not series_rule:
            series_rule = ""  # an edited occurrence: it does not repeat on its own
        self.recurrence.set_rule(series_rule, occurrence.starts_at)
        if occurrence.is_exception:
            self.recurrence.setEnabled(False)
        if row.case_received_at is not None:
            self.case_known.setChecked(True)
            self.case_received.setDateTime(to_qt(row.case_received_at))
        if row.statement_made_at is not None:
            self.statement_known.setChecked(True)
            self.statement_made.setDateTime(to_qt(row.statement_made_at))
        self._update_emergency()

    # ----- topics and invitations changing underneath -------------------------------------

    def _add_topic_item(self, topic_id: str, name: str) -> QListWidgetItem:
        item = QListWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, topic_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        self.topics.addItem(item)
        return item

    def _check_topics(self, topic_ids: list[str], names: dict[str, str]) -> None:
        """Tick exactly ``topic_ids`` (a topic new to this editor gets its line)."""
        listed = {self.topics.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.topics.count())}
        for topic_id in topic_ids:
            if topic_id not in listed:
                self._add_topic_item(topic_id, names.get(topic_id, "?"))
        for index in range(self.topics.count()):
            item = self.topics.item(index)
            ticked = item.data(Qt.ItemDataRole.UserRole) in topic_ids
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def _show_links(self, links: ActivityLinks) -> None:
        """Show the stored lists as they are, dropping any edit of them."""
        self._links, self._newer_links = links, None
        self.links_bar.hide()
        self._check_topics(links.topic_ids, links.topic_names)
        self.invitee_model.set_rows([InviteeRow.stored(view) for view in links.invitees])

    def links_edited(self) -> bool:
        """Whether the person changed the topics or the invitations since they were shown."""
        if self._links is None:
            return False
        return set(self.topic_ids()) != set(self._links.topic_ids) or self.invitee_model.is_edited()

    def _links_maybe_changed(self, tables: frozenset[str]) -> None:
        if LINK_TABLES & tables:
            self.check_links()

    def check_links(self) -> None:
        """Read the activity's topics and invitations again and react if they changed."""
        if self.occurrence is None or self._links is None or self._saving or not self.isVisible():
            return
        calendar, activity_id = self.ctx.services.calendar, self.occurrence.activity.id
        self.ctx.tasks.run_db(lambda: calendar.links(activity_id), self._links_read, lambda _error: None)

    @while_alive
    def _links_read(self, links: ActivityLinks) -> None:
        if self._links is None or self._saving or self.result() or not self.isVisible():
            return
        if _same_links(links, self._links) or (
            self._newer_links is not None and _same_links(links, self._newer_links)
        ):
            return
        if not self.links_edited():
            self._show_links(links)  # nothing changed here: show the new lists without asking
            return
        self._newer_links = links
        when = format_datetime(links.changed_at) if links.changed_at else "?"
        self.links_bar.show_changed(links.changed_by, when)
        self.links_bar.message.setText(
            self.tr("The topics or invitations of this activity were changed by {who} at {when}.").format(
                who=links.changed_by or "?", when=when
            )
        )

    def reload_links(self) -> None:
        if self._newer_links is not None:
            self._show_links(self._newer_links)

    def keep_my_link_edits(self) -> None:
        """Lay the person's edits of the lists over the newer ones; saving sends just those edits."""
        newer, base = self._newer_links, self._links
        if newer is None or base is None:
            return
        mine = self.topic_ids()
        added = [t for t in mine if t not in base.topic_ids]
        removed = [t for t in base.topic_ids if t not in mine]
        topics = [t for t in newer.topic_ids if t not in removed] + [
            t for t in added if t not in newer.topic_ids
        ]
        rows, gone = merge_invitee_edits(self.invitee_model.rows, self.invitee_model.removed, newer.invitees)
        self._links, self._newer_links = newer, None
        self.links_bar.hide()
        self._check_topics(topics, newer.topic_names)
        self.invitee_model.set_rows(rows, gone)

    def topic_changes(self) -> TopicChanges:
        base = self._links.topic_ids if self._links is not None else []
        mine = self.topic_ids()
        return TopicChanges(
            added=tuple(t for t in mine if t not in base), removed=tuple(t for t in base if t not in mine)
        )

    # ----- reacting ------------------------------------------------------------------------

    def _type_changed(self) -> None:
        code = self.type.currentData()
        self.invitee_box.setVisible(code in INVITING_TYPES)
        self.emergency_box.setVisible(code == e.ActivityType.EMERGENCY_STATEMENT)
        if code == e.ActivityType.EMERGENCY_STATEMENT or code == e.ActivityType.PRESS_CONFERENCE_ADHOC:
            self.nature.setCurrentIndex(self.nature.findData(e.ActivityNature.AD_HOC.value))

    def _all_day_changed(self, checked: bool) -> None:
        fmt = "dd/MM/yyyy" if checked else "HH:mm dd/MM/yyyy"
        for edit in (self.starts, self.ends):
            edit.setDisplayFormat(fmt)
        self._schedule_conflict_check()

    def _start_changed(self) -> None:
        start = from_qt(self.starts.dateTime())
        if self.ends.dateTime() < self.starts.dateTime():
            self.ends.setDateTime(to_qt(start + timedelta(hours=1)))
        self.recurrence.set_start(start)
        self._schedule_conflict_check()

    def _schedule_conflict_check(self) -> None:
        if self.ready:
            self._conflict_timer.start()

    def _times(self) -> tuple[datetime, datetime]:
        start, end = from_qt(self.starts.dateTime()), from_qt(self.ends.dateTime())
        if self.all_day.isChecked():
            start = at_local(start.date())
            end = at_local(end.date() + timedelta(days=1))
        return start, end

    def _ignored_ids(self) -> list[str]:
        if self.occurrence is None:
            return []
        return [i for i in (self.occurrence.activity.id, self.occurrence.series_id) if i]

    def _check_conflicts(self) -> None:
        start, end = self._times()
        chair, spokesperson = self.chair.currentData(), self.spokesperson.currentData()
        calendar = self.ctx.services.calendar
        ignored = self._ignored_ids()
        self.ctx.tasks.run_db(
            lambda: calendar.conflicts(start, end, chair, spokesperson, self.all_day.isChecked(), ignored),
            self._show_conflicts,
            lambda _error: None,
        )

    @while_alive
    def _show_conflicts(self, warnings: list[ConflictWarning]) -> None:
        self.conflicts.setText("\n".join(f"⚠ {w.message}" for w in warnings))
        self.conflicts.setVisible(bool(warnings))

    def _update_emergency(self) -> None:
        self.case_received.setEnabled(self.case_known.isChecked())
        self.statement_made.setEnabled(self.statement_known.isChecked())
        if not self.case_known.isChecked():
            self.deadline.setText(self.tr("— (enter when the case was received)"))
            self.countdown.clear()
            return
        hours = self.ctx.services.activities.emergency_hours
        deadline = from_qt(self.case_received.dateTime()) + timedelta(hours=hours)
        self.deadline.setText(format_datetime(deadline))
        if self.statement_known.isChecked():
            made = from_qt(self.statement_made.dateTime())
            on_time = made <= deadline
            self.countdown.setText(self.tr("On time") if on_time else self.tr("Late"))
            self.countdown.setStyleSheet("color: #2e7d32;" if on_time else "color: #c62828;")
            return
        left = deadline - datetime.now(UTC)
        self.countdown.setText(self.tr("Time left: %1").replace("%1", countdown_text(left)))
        self.countdown.setStyleSheet(
            "color: #c62828; font-weight: bold;" if left < timedelta(hours=4) else ""
        )

    def _invite(self) -> None:
        journalist = self._journalists.get(self.journalist_pick.text().strip())
        agency = self._agencies.get(self.agency_pick.text().strip())
        if journalist is None and agency is None:
            self.errors.show(
                ValidationError(
                    [
                        _problem(
                            "journalist_id",
                            self.tr("Invited"),
                            self.tr("choose a press agency or a journalist from the list"),
                        )
                    ]
                )
            )
            return
        self.errors.clear()
        if journalist is not None:
            text = self.journalist_pick.text().strip()
            name, _, agency_name = text.partition(" — ")
            added = self.invitee_model.add(InviteeRow(None, None, journalist, name, agency_name))
            self.journalist_pick.clear()
        else:
            text = self.agency_pick.text().strip()
            added = self.invitee_model.add(InviteeRow(None, agency, None, text, text))
            self.agency_pick.clear()
        if not added:
            self.errors.show(
                ValidationError(
                    [_problem("journalist_id", self.tr("Invited"), self.tr("is already invited"))]
                )
            )

    def _remove_invitee(self) -> None:
        rows = sorted({i.row() for i in self.invitee_table.selectionModel().selectedRows()}, reverse=True)
        if not rows and self.invitee_table.currentIndex().isValid():
            rows = [self.invitee_table.currentIndex().row()]
        for row in rows:
            self.invitee_model.remove(row)

    # ----- saving --------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        start, end = self._times()
        code = self.type.currentData()
        values: dict[str, Any] = {
            "title": self.title.text(),
            "type": code,
            "nature": self.nature.currentData(),
            "mode": self.mode.currentData(),
            "starts_at": start,
            "ends_at": end,
            "all_day": self.all_day.isChecked(),
            "location": self.location.text(),
            "chair_id": self.chair.currentData(),
            "spokesperson_id": self.spokesperson.currentData(),
            "description": self.description.toPlainText(),
            "planned_cost": self.planned_cost.text() or 0,
            "actual_cost": self.actual_cost.text() or 0,
            "reminder_minutes": None if self.reminder.value() < 0 else self.reminder.value(),
        }
        if code == e.ActivityType.EMERGENCY_STATEMENT:
            values["case_received_at"] = (
                from_qt(self.case_received.dateTime()) if self.case_known.isChecked() else None
            )
            values["statement_made_at"] = (
                from_qt(self.statement_made.dateTime()) if self.statement_known.isChecked() else None
            )
        if self.recurrence.isEnabled():
            values["rrule"] = self.recurrence.rule_text(start)
        return values

    def topic_ids(self) -> list[str]:
        return [
            self.topics.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.topics.count())
            if self.topics.item(i).checkState() == Qt.CheckState.Checked
        ]

    def save(self) -> None:
        if not self.ready:
            return
        if self._newer_links is not None:
            self.keep_my_link_edits()  # saving with the lists' bar open keeps the edits, as for fields
        if not self.may_save():
            return
        problem = self.recurrence.error()
        if problem:
            self.errors.show(ValidationError([_problem("rrule", self.tr("Repeat"), problem)]))
            return
        scope: Scope = "all"
        if self.occurrence is not None and self.occurrence.is_recurring:
            chosen = self.choose_scope()
            if chosen is None:
                return
            scope = chosen
        shown, values = self.values(), self.values_to_save()
        start, end = self._times()
        calendar = self.ctx.services.calendar
        chair, spokesperson, all_day = shown["chair_id"], shown["spokesperson_id"], shown["all_day"]
        ignored = self._ignored_ids()
        self.saving_started()
        self.ctx.tasks.run_db(
            lambda: calendar.conflicts(start, end, chair, spokesperson, all_day, ignored),
            lambda warnings: self._conflicts_checked(warnings, values, scope),
            self._failed,
        )

    @while_alive
    def _conflicts_checked(
        self, warnings: list[ConflictWarning], values: dict[str, Any], scope: Scope
    ) -> None:
        if warnings and not self.accept_conflicts(warnings):
            self.saving_stopped()
            return
        calendar = self.ctx.services.calendar
        occurrence = self.occurrence
        topic_ids, topic_changes = self.topic_ids(), self.topic_changes()
        status = self.status.currentData()
        status_edited = self.was_edited("status", status)  # never undo a status set elsewhere
        write_invitations = self._invitation_writer()

        def write() -> Any:
            if occurrence is None:
                row = calendar.create(values, topic_ids)
            else:  # only the person's topic changes: links made elsewhere meanwhile stay
                row = calendar.edit(occurrence, values, scope, topic_changes=topic_changes)
            if status != row.status and status_edited:
                row = calendar.set_status(row.id, status)
            write_invitations(row.id)
            return row

        self.ctx.tasks.run_db(self.guarded(write), self._saved, self._failed)

    def _invitation_writer(self, everyone: bool = False) -> Callable[[str], None]:
        """What the person did to the invitations, to apply on the worker to what is stored then:
        an invitation already removed elsewhere is not removed twice, one already made elsewhere
        is not made twice, and a re-marked one removed elsewhere meanwhile is made again.
        ``everyone``: invite every listed row anew (saving a deleted activity as a new one)."""
        calendar = self.ctx.services.calendar
        if self.type.currentData() not in INVITING_TYPES:
            return lambda _activity_id: None
        model = self.invitee_model
        fresh = model.rows if everyone else model.new_rows()
        new = [(r.agency_id, r.journalist_id, r.attendance) for r in fresh]
        changed = (
            []
            if everyone
            else [(r.id or "", r.agency_id, r.journalist_id, r.attendance) for r in model.changed_rows()]
        )
        removed = [] if everyone else list(model.removed)
        invited = e.Attendance.INVITED.value

        def write(activity_id: str) -> None:
            wanted = list(new)
            for invitee_id in removed:
                with contextlib.suppress(NotFound):  # already removed elsewhere: as wanted
                    calendar.uninvite(invitee_id)
            for invitee_id, agency_id, journalist_id, attendance in changed:
                try:
                    calendar.set_attendance(invitee_id, attendance)
                except NotFound:
                    wanted.append((agency_id, journalist_id, attendance))
            stored = {(v.agency_id, v.journalist_id): v for v in calendar.invitees(activity_id)}
            for agency_id, journalist_id, attendance in wanted:
                found = stored.get((agency_id, journalist_id))
                if found is None:
                    made = calendar.invite(activity_id, agency_id=agency_id, journalist_id=journalist_id)
                    invitee_id, current = made.id, invited
                else:
                    invitee_id, current = found.id, found.attendance
                if attendance != invited and attendance != current:
                    calendar.set_attendance(invitee_id, attendance)

        return write

    def create_operation(self, values: dict[str, Any]) -> Callable[[], Any]:
        """Saving as a new activity (this one was deleted elsewhere): its topics and invitations too."""
        calendar, topic_ids = self.ctx.services.calendar, self.topic_ids()
        write_invitations = self._invitation_writer(everyone=True)

        def create() -> Any:
            row = calendar.create(values, topic_ids)
            write_invitations(row.id)
            return row

        return create


def _same_links(one: ActivityLinks, other: ActivityLinks) -> bool:
    def invitations(links: ActivityLinks) -> set[tuple[str, str]]:
        return {(v.id, v.attendance) for v in links.invitees}

    return set(one.topic_ids) == set(other.topic_ids) and invitations(one) == invitations(other)


def _problem(field: str, label: str, reason: str) -> Any:
    from app.errors import FieldProblem
    from app.i18n import Message

    return FieldProblem(field, Message(label, label), Message(reason, reason))
