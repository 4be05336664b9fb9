from __future__ import annotations

from PySide6.QtCore import Qt

from app.ui.money_edit import MoneyEdit


def test_accepts_both_forms_and_shows_grouped(qtbot) -> None:
    edit = MoneyEdit()
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    qtbot.keyClicks(edit, "12500000")
    assert edit.amount() == 12_500_000
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.text() == "12.500.000 đ"
    edit.clear()
    qtbot.keyClicks(edit, "7.000.000")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.amount() == 7_000_000
    assert edit.text() == "7.000.000 đ"
    assert edit.is_valid()


def test_reports_a_clear_error_and_keeps_the_text(qtbot) -> None:
    edit = MoneyEdit()
    qtbot.addWidget(edit)
    errors: list[str] = []
    edit.errorChanged.connect(errors.append)
    qtbot.keyClicks(edit, "12,5")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.amount() is None
    assert edit.text() == "12,5"  # nothing the person typed is lost
    assert "phần lẻ" in str(edit.error())
    assert errors and "phần lẻ" in errors[-1]
    assert "phần lẻ" in edit.toolTip()
    edit.clear()
    qtbot.keyClicks(edit, "-5")
    assert "âm" in str(edit.error())
    edit.setAmount(0)
    assert edit.text() == "0 đ" and edit.amount() == 0 and edit.is_valid()
    assert errors[-1] == ""


def test_negative_when_allowed(qtbot) -> None:
    edit = MoneyEdit(allow_negative=True)
    qtbot.addWidget(edit)
    qtbot.keyClicks(edit, "-2000000")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.amount() == -2_000_000
    assert edit.text() == "-2.000.000 đ"
