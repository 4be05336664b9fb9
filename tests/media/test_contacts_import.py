import codecs
import unicodedata
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app.cli import main
from app.services.contact_files import ContactFileError
from tests.media.helpers import agency, journalist

HEADER = "Họ và tên,Cơ quan,Chức danh,Email,Điện thoại,Lĩnh vực,Ngày hết hạn thẻ\n"
ROWS = (
    "Nguyễn Văn Hùng,Báo Quảng Bình,Phóng viên,hung@baoqb.vn,0912345678,Y tế,31/12/2027\n"
    "Trần Thị Lan,Đài Phát thanh và Truyền hình Quảng Bình,Biên tập viên,lan@qbtv.vn,,Giáo dục,\n"
    'Đặng Thị Ánh,Báo Tuổi Trẻ,,anh@tuoitre.vn,,"Y tế, Giao thông",2026-01-15\n'
)


def to_cp1258(text: str) -> bytes:
    """Windows-1258 stores a base letter (with its hat or horn) plus a combining tone mark."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", ch)
        for i, mark in enumerate(marks):
            try:
                composed = unicodedata.normalize("NFC", base + mark).encode("cp1258")
                out += composed + "".join(marks[:i] + marks[i + 1 :]).encode("cp1258")
                break
            except UnicodeEncodeError:
                continue
        else:
            out += (base + "".join(marks)).encode("cp1258")
    return out


def plan_of(services, path: Path, mapping=None):
    importer = services.contacts_import
    return importer.plan(importer.read(path), mapping, source=path.name)


@pytest.mark.parametrize(
    ("encoding", "encode"),
    [
        ("utf-8", lambda t: t.encode("utf-8")),
        ("utf-8-sig", lambda t: codecs.BOM_UTF8 + t.encode("utf-8")),
        ("utf-16", lambda t: t.encode("utf-16")),
        ("cp1258", to_cp1258),
    ],
)
def test_csv_encodings_are_detected(services, tmp_path: Path, encoding, encode) -> None:
    path = tmp_path / "danh_ba.csv"
    text = HEADER + ROWS
    if encoding == "utf-16":
        text = text.replace(",", "\t").replace('"Y tế\t Giao thông"', '"Y tế, Giao thông"')
    path.write_bytes(encode(text))
    plan = plan_of(services, path)
    assert plan.rejected == []
    names = [g.values["full_name"] for g in plan.good]
    assert names == ["Nguyễn Văn Hùng", "Trần Thị Lan", "Đặng Thị Ánh"]
    assert plan.good[2].values["beats"] == "Y tế, Giao thông"
    assert "Báo Quảng Bình" in plan.new_agencies


def test_import_good_rows_with_reasons_for_each_rejected_row(services, tmp_path: Path) -> None:
    existing = agency(services, "Báo Quảng Bình")
    journalist(services, "Võ Văn Cũ", emails="old@baoqb.vn")
    big = "x" * (1024 * 1024)
    rows = [
        "Nguyễn Văn Hùng,Báo Quảng Bình,Phóng viên,hung@baoqb.vn,0912345678,Y tế,31/12/2027",
        ",Báo Quảng Bình,,noname@baoqb.vn,,,",  # no name
        "Lê Sai Thư,Báo A,,not-an-email,,,",  # invalid e-mail
        "Nguyễn Văn Hùng,Báo Quảng Bình,Phóng viên,hung@baoqb.vn,0912345678,Y tế,31/12/2027",  # duplicate
        f"Người Dài,Báo A,{big},long@a.vn,,,",  # a 1 MB cell
        "Phan Thẻ,Báo A,,the@a.vn,,,45/13/2027",  # bad date
        "Võ Văn Cũ,Báo A,,OLD@baoqb.vn,,,",  # already in the contacts
    ]
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    plan = plan_of(services, path)
    assert [g.line for g in plan.good] == [2]
    rejected = {r.line: " ".join(m.en for m in r.reasons) for r in plan.rejected}
    assert "Full name: is required" in rejected[3]
    assert "'not-an-email' is not a valid e-mail address" in rejected[4]
    assert "same as line 2" in rejected[5]
    assert "longer than" in rejected[6]
    assert "not a valid date" in rejected[7]
    assert "already in the contacts: Võ Văn Cũ" in rejected[8]
    assert services.journalists.count() == 1  # nothing written by planning

    pending = services.pending_changes()
    result = services.contacts_import.apply(plan)
    assert (result.imported, result.agencies_created) == (1, 0)
    assert services.pending_changes() == pending + 1  # recorded for sync like any other write
    hung = services.journalists.list(search="nguyen van hung")[0]
    assert hung.agency_id == existing.id
    assert str(hung.press_card_expires) == "2027-12-31"


def test_missing_name_column_rejects_every_row_and_extra_columns_are_ignored(
    services, tmp_path: Path
) -> None:
    path = tmp_path / "x.csv"
    path.write_text("Email,Màu yêu thích\na@b.vn,xanh\nc@d.vn,đỏ\n", encoding="utf-8")
    plan = plan_of(services, path)
    assert plan.good == [] and len(plan.rejected) == 2
    assert "no column is mapped" in plan.rejected[0].reasons[0].en
    assert plan.ignored_columns == ["Màu yêu thích"]
    # The person maps a column by hand in the dialog: here, the e-mail column as the name.
    plan = plan_of(services, path, mapping=["full_name", ""])
    assert len(plan.good) == 2


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.csv", b"", "empty"),
        ("blank.csv", b"\n\n  \n", "no data"),
        ("header_only.csv", "Họ và tên,Email\n".encode(), "no contacts"),
        ("picture.csv", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, "not a CSV"),
        ("broken.xlsx", b"PK\x03\x04" + b"garbage" * 100, "not a CSV"),
        ("report.xlsx", b"%PDF-1.4 not a workbook" * 10, "not a CSV"),
    ],
)
def test_unreadable_files_say_why(services, tmp_path: Path, name, content, reason) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ContactFileError) as error:
        services.contacts_import.read(path)
    assert reason in error.value.message.en


def test_google_and_outlook_layouts_are_recognised(services, tmp_path: Path) -> None:
    google = tmp_path / "google.csv"
    google.write_text(
        "Name,Given Name,Additional Name,Family Name,Organization 1 - Name,Organization 1 - Title,"
        "E-mail 1 - Type,E-mail 1 - Value,E-mail 2 - Value,Phone 1 - Type,Phone 1 - Value,Group Membership\n"
        ",Hùng,Văn,Nguyễn,Báo Nhân Dân,Phóng viên,* Work,hung@nhandan.vn,hung@gmail.com,Mobile,0912 345 678,* myContacts\n",
        encoding="utf-8",
    )
    plan = plan_of(services, google)
    assert plan.layout == "google"
    [row] = plan.good
    assert row.values["full_name"] == "Nguyễn Văn Hùng"
    assert row.values["emails"] == "hung@nhandan.vn, hung@gmail.com"
    assert row.values["phones"] == "0912 345 678"
    assert row.agency_name == "Báo Nhân Dân"

    outlook = tmp_path / "outlook.csv"
    outlook.write_text(
        "First Name,Middle Name,Last Name,Title,Company,Job Title,E-mail Address,Mobile Phone,Notes\n"
        "Lan,Thị,Trần,,VTV,Biên tập viên,lan@vtv.vn,0987654321,Theo dõi y tế\n",
        encoding="utf-8",
    )
    plan = plan_of(services, outlook)
    assert plan.layout == "outlook"
    [row] = plan.good
    assert (row.values["full_name"], row.values["title"], row.values["notes"]) == (
        "Trần Thị Lan",
        "Biên tập viên",
        "Theo dõi y tế",
    )


def test_xlsx_import_and_export_round_trip(services, tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(
        ["Họ và tên", "Cơ quan", "Email", "Ngày hết hạn thẻ", "Không liên hệ", "Lý do không liên hệ"]
    )
    from datetime import datetime

    sheet.append(
        [
            "Nguyễn Văn Hùng",
            "Báo Quảng Bình",
            "hung@baoqb.vn",
            datetime(2027, 12, 31),
            "x",
            "Đã chuyển công tác",
        ]
    )
    sheet.append(["Trần Thị Lan", "Báo Quảng Bình", "lan@baoqb.vn", None, None, None])
    source = tmp_path / "in.xlsx"
    workbook.save(source)
    pending = services.pending_changes()
    plan, result = services.contacts_import.import_file(source, good_rows=False)
    assert plan.rejected == [] and result.imported == 2 and result.agencies_created == 1
    assert services.pending_changes() == pending + 3
    hung = services.journalists.list(search="hung")[0]
    assert hung.do_not_contact and hung.do_not_contact_reason == "Đã chuyển công tác"

    out = tmp_path / "out.xlsx"
    assert services.contacts_export.export(out, "xlsx") == 2
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][:2] == ("Họ và tên", "Cơ quan báo chí")
    assert rows[1][0] == "Nguyễn Văn Hùng" and rows[1][1] == "Báo Quảng Bình"

    csv_out = tmp_path / "out.csv"
    services.contacts_export.export(csv_out, "csv")
    assert csv_out.read_bytes().startswith(codecs.BOM_UTF8)
    # Re-importing our own export: every row is already there (same e-mails).
    plan = plan_of(services, csv_out)
    assert plan.good == [] and all("already in the contacts" in r.reasons[0].en for r in plan.rejected)


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_vcard_export_and_import(services, data_dir, tmp_path: Path, version) -> None:
    paper = agency(services, "Báo Sức khỏe & Đời sống")
    journalist(
        services,
        "Đặng Thị Ánh",
        agency_id=paper.id,
        title="Phóng viên",
        emails="anh@suckhoedoisong.vn",
        phones="+84 912 345 678",
        beats="Y tế, Dân số",
        press_card_number="B12345",
        press_card_expires="2028-01-01",
        notes="Dòng 1\nDòng 2, có phẩy; chấm phẩy",
    )
    out = tmp_path / "nha_bao.vcf"
    services.contacts_export.export(out, "vcf", vcard_version=version)
    text = out.read_text(encoding="utf-8")
    assert f"VERSION:{version}" in text and "FN:Đặng Thị Ánh" in text

    services.journalists.delete(services.journalists.list()[0].id)
    plan, result = services.contacts_import.import_file(out, good_rows=False)
    assert plan.layout == "vcard" and result.imported == 1
    back = services.journalists.list()[0]
    assert (back.full_name, back.title, back.emails, back.phones) == (
        "Đặng Thị Ánh",
        "Phóng viên",
        "anh@suckhoedoisong.vn",
        "+84 912 345 678",
    )
    assert back.beats == "Y tế, Dân số"
    assert back.press_card_number == "B12345" and str(back.press_card_expires) == "2028-01-01"
    assert back.notes == "Dòng 1\nDòng 2, có phẩy; chấm phẩy"
    assert back.agency_id == paper.id


def test_vcard_4_from_another_program(services, tmp_path: Path) -> None:
    path = tmp_path / "contacts.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Trần Thị Lan\r\nN:Trần;Lan;Thị;;\r\n"
        'EMAIL;TYPE=work:lan@vtv.vn\r\nTEL;VALUE=uri;TYPE="voice,cell":tel:+84-912-345-678\r\n'
        "ORG:Đài Truyền hình Việt Nam;Ban Thời sự\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    plan = plan_of(services, path)
    [row] = plan.good
    assert row.values["phones"] == "+84-912-345-678" and row.agency_name == "Đài Truyền hình Việt Nam"


def test_command_line_import_and_export(services, data_dir: Path, tmp_path: Path, capsys) -> None:
    services.close()
    good = tmp_path / "good.csv"
    good.write_text(HEADER + ROWS, encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "Lê Sai,Báo A,,sai-email,,,\nPhạm Đúng,Báo A,,dung@a.vn,,,\n", encoding="utf-8")
    assert main(["--data-dir", str(data_dir), "--language", "en", "import", "contacts", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "line 2:" in err and "nothing imported" in err
    assert main(["--data-dir", str(data_dir), "--language", "en", "import", "contacts", str(good)]) == 0
    printed = capsys.readouterr().out
    assert "Imported 3 journalists" in printed
    assert "check their type and level" in printed and "  - Báo Tuổi Trẻ" in printed
    assert (
        main(
            [
                "--data-dir",
                str(data_dir),
                "--language",
                "en",
                "import",
                "contacts",
                str(bad),
                "--import-good-rows",
            ]
        )
        == 0
    )
    out = tmp_path / "all.vcf"
    assert (
        main(["--data-dir", str(data_dir), "export", "contacts", "--format", "vcf", "--out", str(out)]) == 0
    )
    assert out.read_text(encoding="utf-8").count("BEGIN:VCARD") == 4


def test_imported_rows_are_recorded_like_created_ones(services, tmp_path: Path) -> None:
    import json

    from sqlalchemy import select

    from app.models import AuditEntry, OutboxEntry

    path = tmp_path / "one.csv"
    path.write_text("Họ và tên,Email,Lĩnh vực\nHồ Thu Thủy,thuy@a.vn,Y tế\n", encoding="utf-8")
    services.contacts_import.import_file(path, good_rows=False)
    made = services.journalists.create(
        {"full_name": "Hồ Thu Thủy 2", "emails": "thuy2@a.vn", "beats": "Y tế"}
    )
    imported = services.journalists.list(search="thuy thuy@a.vn")[0]
    assert imported.updated_hlc and imported.updated_by == "tester"
    with services.db.session() as session:
        entries = {
            e.row_id: json.loads(e.changes_json)
            for e in session.scalars(select(OutboxEntry).where(OutboxEntry.entity == "journalist"))
        }
        audited = {
            a.row_id for a in session.scalars(select(AuditEntry).where(AuditEntry.entity == "journalist"))
        }
    assert set(entries[imported.id]) == set(entries[made.id])
    assert entries[imported.id]["full_name"] == {"old": None, "new": "Hồ Thu Thủy"}
    assert {imported.id, made.id} <= audited


def test_agencies_created_by_an_import_are_reported_and_marked(services, tmp_path: Path) -> None:
    paper = agency(services, "Báo Quảng Bình")
    path = tmp_path / "danh_ba.csv"
    path.write_text(HEADER + ROWS, encoding="utf-8")
    plan, result = services.contacts_import.import_file(path, good_rows=True)
    created = ("Báo Tuổi Trẻ", "Đài Phát thanh và Truyền hình Quảng Bình")
    assert result.new_agencies == created and result.agencies_created == 2
    rows = {a.name: a for a in services.agencies.list()}
    for name in created:
        assert (rows[name].kind, rows[name].level) == ("newspaper", "central")
        assert "danh_ba.csv" in rows[name].notes and "kiểm tra loại hình và cấp" in rows[name].notes
    assert rows[paper.name].notes == ""
    assert [a.name for a in services.agencies.list(filters={"created_by_import": True})] == list(created)


def _many_rows(path: Path, rows: int) -> None:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Nhà báo")
    sheet.append(["Họ và tên", "Chức danh", "Email", "Lĩnh vực"])
    for index in range(rows):
        sheet.append([f"Lê Văn Số{index}", "Phóng viên", f"so{index}@nhieu.vn", "Y tế"])
    workbook.save(path)


def test_a_large_import_is_searchable_and_recorded(services, tmp_path: Path) -> None:
    from sqlalchemy import func, select

    from app.models import AuditEntry, Journalist, OutboxEntry

    path = tmp_path / "nhieu.xlsx"
    _many_rows(path, 3000)
    plan, result = services.contacts_import.import_file(path, good_rows=False)
    assert result.imported == 3000 and not plan.rejected
    for index in (0, 1999, 2000, 2999):  # both sides of a write batch
        found = services.journalists.list(search=f"so{index}@nhieu")
        assert [j.emails for j in found] == [f"so{index}@nhieu.vn"]
    assert len(services.journalists.ids(search="le van")) == 3000
    with services.db.session() as session:
        ids = set(session.scalars(select(Journalist.id).where(Journalist.emails.like("%@nhieu.vn"))))
        outboxed = set(session.scalars(select(OutboxEntry.row_id).where(OutboxEntry.entity == "journalist")))
        audited = session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.row_id.in_(ids))
        )
        keys = session.scalar(select(func.count()).where(Journalist.id.in_(ids), Journalist.name_key != ""))
    assert len(ids) == 3000 and ids <= outboxed and audited == 3000 and keys == 3000
    # Ordinary writes are indexed again after the import.
    services.journalists.create({"full_name": "Phan Sau Nhập", "emails": "sau@nhieu.vn"})
    assert [j.full_name for j in services.journalists.list(search="sau nhap")] == ["Phan Sau Nhập"]


def test_a_large_import_that_fails_midway_leaves_nothing(services, tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "nhieu.xlsx"
    _many_rows(path, 2500)
    importer = services.contacts_import
    plan = importer.plan(importer.read(path), source=path.name)
    before = services.journalists.count()
    calls = []
    real = importer.ctx.insert_many

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        real(*args, **kwargs)

    monkeypatch.setattr(importer.ctx, "insert_many", failing)
    with pytest.raises(RuntimeError):
        importer.apply(plan)
    monkeypatch.undo()
    assert services.journalists.count() == before
    assert services.journalists.list(search="so1@nhieu") == []
    services.journalists.create({"full_name": "Phan Sau Lỗi", "emails": "loi@nhieu.vn"})
    assert [j.full_name for j in services.journalists.list(search="sau loi")] == ["Phan Sau Lỗi"]
