from PySide6.QtWidgets import QDialog

from app.ui.app import build_context
from app.ui.office_dialog import OfficeDialog


def test_first_run_dialog_names_bad_fields_and_keeps_input(qtbot, bare_services) -> None:
    ctx = build_context(bare_services)
    dialog = OfficeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.name.setText("Văn phòng UBND tỉnh Lâm Đồng")
    dialog.code.setText("")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.error_label.isVisibleTo(dialog))
    assert set(dialog.errors.fields_marked()) == {"code", "province"}
    assert "Mã" in dialog.error_label.text()
    assert dialog.name.text() == "Văn phòng UBND tỉnh Lâm Đồng"

    dialog.code.setText("UBND-LD")
    dialog.province.setText("Lâm Đồng")
    with qtbot.waitSignal(dialog.finished):
        dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    ctx.tasks.wait_for_done()
    bare_services.db.forbid_thread(None)
    office = bare_services.offices.current()
    assert office.code == "UBND-LD" and office.province == "Lâm Đồng"
    assert bare_services.ctx.office_id == office.id
