<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi">
<context>
    <name />
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>Tên viết tắt</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Cấp</translation>
    </message>
    <message>
        <source>Media types</source>
        <translation>Loại hình</translation>
    </message>
    <message>
        <source>Journalists</source>
        <translation>Nhà báo</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Trang web</translation>
    </message>
    <message>
        <source>Journalist</source>
        <translation>Nhà báo</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Chức danh</translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <source>Press card expired on %1</source>
        <translation>Thẻ nhà báo đã hết hạn ngày %1</translation>
    </message>
    <message>
        <source>Press card expires on %1 (within 90 days)</source>
        <translation>Thẻ nhà báo hết hạn ngày %1 (trong vòng 90 ngày)</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>Báo chí</translation>
    </message>
    <message>
        <source>Something went wrong: %1. Your data has not been changed.</source>
        <translation>Đã xảy ra lỗi: %1. Dữ liệu của bạn không bị thay đổi.</translation>
    </message>
    <message>
        <source>First</source>
        <translation>Bản ghi thứ nhất</translation>
    </message>
    <message>
        <source>Second</source>
        <translation>Bản ghi thứ hai</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Google Contacts</source>
        <translation>Danh bạ Google</translation>
    </message>
    <message>
        <source>Outlook</source>
        <translation>Outlook</translation>
    </message>
    <message>
        <source>vCard</source>
        <translation>vCard</translation>
    </message>
    <message>
        <source>ordinary table</source>
        <translation>bảng thông thường</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Press agency</source>
        <translation>Cơ quan báo chí</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Why it is refused</source>
        <translation>Lý do từ chối</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Dòng dữ liệu</translation>
    </message>
    <message>
        <source>Export contacts</source>
        <translation>Xuất danh bạ</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv);;vCard 3.0 (*.vcf);;vCard 4.0 (*.vcf)</source>
        <translation>Bảng tính Excel (*.xlsx);;CSV, UTF-8 (*.csv);;vCard 3.0 (*.vcf);;vCard 4.0 (*.vcf)</translation>
    </message>
    <message>
        <source>%1 journalists exported to %2.</source>
        <translation>Đã xuất %1 nhà báo ra %2.</translation>
    </message>
    <message>
        <source>Beats</source>
        <translation>Lĩnh vực theo dõi</translation>
    </message>
    <message>
        <source>Press card expires</source>
        <translation>Hạn thẻ nhà báo</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Liên hệ</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>Không liên hệ</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Danh sách</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Thành viên</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Mô tả</translation>
    </message>
    <message numerus="yes">
        <source>Overdue by %n day(s)</source>
        <translation><numerusform>Quá hạn %n ngày</numerusform></translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Đến hạn hôm nay</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation><numerusform>còn %n ngày</numerusform></translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hạn trả lời</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Thời gian còn lại</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Nhận lúc</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Câu hỏi</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Chờ duyệt</translation>
    </message>
    <message>
        <source>Interrupted while sending — check, then send again</source>
        <translation>Bị gián đoạn khi đang gửi — hãy kiểm tra rồi gửi lại</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Đã gửi</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Không gửi được</translation>
    </message>
    <message>
        <source>Cancelled (do not contact)</source>
        <translation>Đã hủy (không liên hệ)</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Tạo lúc</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Người nhận</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Lỗi gần nhất</translation>
    </message>
    <message>
        <source>Answered %1</source>
        <translation>Đã trả lời %1</translation>
    </message>
    <message>
        <source>OVERDUE since %1</source>
        <translation>QUÁ HẠN từ %1</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Hạn %1</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Nội dung</translation>
    </message>
</context>
<context>
    <name>About</name>
    <message>
        <source>Policy-communication desk for provincial People's Committees: calendar, press relations, staff, budget, monitoring and reports, working offline and syncing with the central server.</source>
        <translation>Phần mềm công tác truyền thông chính sách của Ủy ban nhân dân cấp tỉnh: lịch truyền thông, quan hệ báo chí, nhân sự, kinh phí, theo dõi báo chí và báo cáo; làm việc được khi không có mạng và đồng bộ với máy chủ trung tâm.</translation>
    </message>
    <message>
        <source>Built with Python %1, Qt %2 (PySide6 %3) on %4.</source>
        <translation>Xây dựng trên Python %1, Qt %2 (PySide6 %3), chạy trên %4.</translation>
    </message>
    <message>
        <source>Reports use the Liberation Serif fonts under the SIL Open Font License.</source>
        <translation>Báo cáo dùng phông chữ Liberation Serif theo giấy phép SIL Open Font License.</translation>
    </message>
    <message>
        <source>Data folder: %1</source>
        <translation>Thư mục dữ liệu: %1</translation>
    </message>
    <message>
        <source>Log file: %1</source>
        <translation>Tệp nhật ký: %1</translation>
    </message>
    <message>
        <source>About CommDesk</source>
        <translation>Giới thiệu CommDesk</translation>
    </message>
</context>
<context>
    <name>ActivityCostTab</name>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Hoạt động</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Dự kiến</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Thực tế</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Chênh lệch</translation>
    </message>
    <message>
        <source>Expenses recorded</source>
        <translation>Đã chi theo chứng từ</translation>
    </message>
    <message numerus="yes">
        <source>%n activities with costs · planned %1 · actual %2</source>
        <translation><numerusform>%n hoạt động có kinh phí · dự kiến %1 · thực tế %2</numerusform></translation>
    </message>
</context>
<context>
    <name>ActivityEditor</name>
    <message>
        <source>This activity repeats. Which occurrences?</source>
        <translation>Hoạt động này lặp lại. Áp dụng cho những lần nào?</translation>
    </message>
    <message>
        <source>This occurrence</source>
        <translation>Chỉ lần này</translation>
    </message>
    <message>
        <source>This and following</source>
        <translation>Lần này và các lần sau</translation>
    </message>
    <message>
        <source>All occurrences</source>
        <translation>Tất cả các lần</translation>
    </message>
    <message>
        <source>Check the schedule</source>
        <translation>Kiểm tra lịch</translation>
    </message>
    <message>
        <source>Save anyway?</source>
        <translation>Vẫn lưu?</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Vẫn lưu</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Edit activity</source>
        <translation>Sửa hoạt động</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>Thêm hoạt động</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>e.g. Regular press conference, first quarter</source>
        <translation>ví dụ: Họp báo định kỳ quý I</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>Cả ngày</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Mặc định</translation>
    </message>
    <message>
        <source> min before</source>
        <translation> phút trước</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <source>Spokesperson</source>
        <translation>Người phát ngôn</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Nhân sự</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Chủ đề</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Mô tả</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Dự kiến</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Thực tế</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kinh phí</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Nhắc việc</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Lặp lại</translation>
    </message>
    <message>
        <source>Invited press agencies and journalists</source>
        <translation>Cơ quan báo chí và nhà báo được mời</translation>
    </message>
    <message>
        <source>Press agency…</source>
        <translation>Cơ quan báo chí…</translation>
    </message>
    <message>
        <source>Journalist…</source>
        <translation>Nhà báo…</translation>
    </message>
    <message>
        <source>Invite</source>
        <translation>Mời</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <source>Emergency statement</source>
        <translation>Phát ngôn khẩn cấp</translation>
    </message>
    <message>
        <source>Case received at</source>
        <translation>Nhận vụ việc lúc</translation>
    </message>
    <message>
        <source>Statement made at</source>
        <translation>Đã phát ngôn lúc</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <source>Default (%1 min)</source>
        <translation>Mặc định (%1 phút)</translation>
    </message>
    <message>
        <source>The topics or invitations of this activity were changed by {who} at {when}.</source>
        <translation>Chủ đề hoặc danh sách khách mời của hoạt động này vừa được {who} thay đổi lúc {when}.</translation>
    </message>
    <message>
        <source>— (enter when the case was received)</source>
        <translation>— (nhập thời điểm nhận vụ việc)</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>Đúng hạn</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Trễ hạn</translation>
    </message>
    <message>
        <source>Time left: %1</source>
        <translation>Còn lại: %1</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Được mời</translation>
    </message>
    <message>
        <source>choose a press agency or a journalist from the list</source>
        <translation>hãy chọn cơ quan báo chí hoặc nhà báo trong danh sách</translation>
    </message>
    <message>
        <source>is already invited</source>
        <translation>đã được mời</translation>
    </message>
</context>
<context>
    <name>AddFeedDialog</name>
    <message>
        <source>Follow a feed</source>
        <translation>Theo dõi nguồn tin</translation>
    </message>
    <message>
        <source>RSS or Atom address</source>
        <translation>Địa chỉ RSS hoặc Atom</translation>
    </message>
    <message>
        <source>Press agency</source>
        <translation>Cơ quan báo chí</translation>
    </message>
</context>
<context>
    <name>AdjustmentDialog</name>
    <message>
        <source>Adjustment</source>
        <translation>Điều chỉnh dự toán</translation>
    </message>
    <message>
        <source>New adjustment</source>
        <translation>Thêm điều chỉnh dự toán</translation>
    </message>
    <message>
        <source>+ to add, - to reduce</source>
        <translation>+ để tăng, - để giảm</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Số điều chỉnh</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Ngày quyết định</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
</context>
<context>
    <name>AgenciesTab</name>
    <message>
        <source>Search agencies by name, short name or governing body</source>
        <translation>Tìm cơ quan theo tên, tên viết tắt hoặc cơ quan chủ quản</translation>
    </message>
    <message>
        <source>All media</source>
        <translation>Mọi loại hình</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>Mọi cấp</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Mọi loại</translation>
    </message>
    <message>
        <source>Created by an import, to check</source>
        <translation>Do nhập danh bạ tạo, cần kiểm tra</translation>
    </message>
    <message>
        <source>Agencies an import created as central newspapers: check their type and level, then clear the note.</source>
        <translation>Các cơ quan do nhập danh bạ tạo tạm là báo trung ương: kiểm tra loại hình và cấp, rồi xóa ghi chú.</translation>
    </message>
    <message>
        <source>New agency…</source>
        <translation>Thêm cơ quan…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Log interaction…</source>
        <translation>Ghi nhận làm việc…</translation>
    </message>
    <message numerus="yes">
        <source>%n agency(ies)</source>
        <translation><numerusform>%n cơ quan</numerusform></translation>
    </message>
    <message>
        <source>Delete press agencies</source>
        <translation>Xóa cơ quan báo chí</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n agency(ies)?</source>
        <translation><numerusform>Xóa %n cơ quan báo chí?</numerusform></translation>
    </message>
</context>
<context>
    <name>AgencyDialog</name>
    <message>
        <source>Edit press agency</source>
        <translation>Sửa cơ quan báo chí</translation>
    </message>
    <message>
        <source>New press agency</source>
        <translation>Cơ quan báo chí mới</translation>
    </message>
    <message>
        <source>One RSS or Atom address per line</source>
        <translation>Mỗi dòng một địa chỉ RSS hoặc Atom</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>Tên viết tắt</translation>
    </message>
    <message>
        <source>Media types</source>
        <translation>Loại hình</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Governing body</source>
        <translation>Cơ quan chủ quản</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Cấp</translation>
    </message>
    <message>
        <source>Licence number</source>
        <translation>Số giấy phép</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Trang web</translation>
    </message>
    <message>
        <source>RSS/Atom feeds</source>
        <translation>Nguồn tin RSS/Atom</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Giờ</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Chair / spokesperson</source>
        <translation>Chủ trì / phát ngôn</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>Cả ngày</translation>
    </message>
</context>
<context>
    <name>AllocationDialog</name>
    <message>
        <source>Allocation</source>
        <translation>Dự toán</translation>
    </message>
    <message>
        <source>New allocation</source>
        <translation>Thêm dự toán</translation>
    </message>
    <message>
        <source>e.g. 7000/7049</source>
        <translation>ví dụ: 7000/7049</translation>
    </message>
    <message>
        <source>e.g. 123/QĐ-UBND</source>
        <translation>ví dụ: 123/QĐ-UBND</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>Năm ngân sách</translation>
    </message>
    <message>
        <source>Funding source</source>
        <translation>Nguồn kinh phí</translation>
    </message>
    <message>
        <source>Task category</source>
        <translation>Nhiệm vụ chi</translation>
    </message>
    <message>
        <source>Budget code (chapter/item)</source>
        <translation>Mục/tiểu mục</translation>
    </message>
    <message>
        <source>Allocation decision</source>
        <translation>Quyết định giao dự toán</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Ngày quyết định</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>AllocationsTab</name>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Funding source</source>
        <translation>Nguồn kinh phí</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Nhiệm vụ chi</translation>
    </message>
    <message>
        <source>Budget code</source>
        <translation>Mục/tiểu mục</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>Dự toán giao</translation>
    </message>
    <message>
        <source>Adjustments</source>
        <translation>Điều chỉnh</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Đã chi</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Còn lại</translation>
    </message>
    <message>
        <source>Overspent</source>
        <translation>Chi vượt dự toán</translation>
    </message>
    <message>
        <source>% spent</source>
        <translation>% đã chi</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Ngày quyết định</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Số điều chỉnh</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>New allocation…</source>
        <translation>Thêm dự toán…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Add adjustment…</source>
        <translation>Điều chỉnh dự toán…</translation>
    </message>
    <message>
        <source>Edit adjustment…</source>
        <translation>Sửa điều chỉnh…</translation>
    </message>
    <message>
        <source>Delete adjustment</source>
        <translation>Xóa điều chỉnh</translation>
    </message>
    <message>
        <source>Adjustments of the selected allocation</source>
        <translation>Các lần điều chỉnh của dự toán đang chọn</translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <source>Answer a press question</source>
        <translation>Trả lời câu hỏi của báo chí</translation>
    </message>
    <message>
        <source>(no summary)</source>
        <translation>(không có tóm tắt)</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Câu hỏi</translation>
    </message>
    <message>
        <source>Answered at</source>
        <translation>Trả lời lúc</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Nội dung trả lời</translation>
    </message>
</context>
<context>
    <name>BackupChooser</name>
    <message>
        <source>Restore a backup</source>
        <translation>Khôi phục bản sao lưu</translation>
    </message>
    <message>
        <source>Choose the copy to restore. CommDesk checks it before anything is replaced, and keeps the current data file aside.</source>
        <translation>Chọn bản sao cần khôi phục. CommDesk kiểm tra bản sao trước khi thay thế và giữ lại tệp dữ liệu hiện tại ở chỗ riêng.</translation>
    </message>
    <message>
        <source>There are no backups in %1.</source>
        <translation>Không có bản sao lưu nào trong %1.</translation>
    </message>
    <message>
        <source>Other file…</source>
        <translation>Tệp khác…</translation>
    </message>
    <message>
        <source>Restore this copy</source>
        <translation>Khôi phục bản này</translation>
    </message>
    <message>
        <source>CommDesk data (*.sqlite3 *.db);;All files (*)</source>
        <translation>Dữ liệu CommDesk (*.sqlite3 *.db);;Mọi tệp (*)</translation>
    </message>
</context>
<context>
    <name>BackupSection</name>
    <message>
        <source>CommDesk copies its database once a day, the first time it runs that day, and keeps the newest copies. A copy is also taken before every upgrade and every restore. Choose a folder on another disk or a network share to survive a disk failure.</source>
        <translation>Mỗi ngày, ở lần chạy đầu tiên trong ngày, CommDesk sao lưu cơ sở dữ liệu và giữ lại các bản mới nhất. Một bản sao cũng được tạo trước mỗi lần nâng cấp và mỗi lần khôi phục. Hãy chọn thư mục trên ổ đĩa khác hoặc thư mục mạng dùng chung để phòng khi hỏng ổ đĩa.</translation>
    </message>
    <message>
        <source>The backups folder inside the data folder</source>
        <translation>Thư mục backups trong thư mục dữ liệu</translation>
    </message>
    <message>
        <source>Back up automatically every day</source>
        <translation>Tự động sao lưu hằng ngày</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sao lưu ngay</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>Khôi phục từ bản sao lưu…</translation>
    </message>
    <message>
        <source>Open the backup folder</source>
        <translation>Mở thư mục sao lưu</translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies) in %1. The newest: %2 (%3).</source>
        <translation><numerusform>%n bản sao trong %1. Bản mới nhất: %2 (%3).</numerusform></translation>
    </message>
    <message>
        <source>No backup in %1 yet.</source>
        <translation>Chưa có bản sao lưu nào trong %1.</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Đang sao lưu…</translation>
    </message>
    <message>
        <source>Backed up to %1.</source>
        <translation>Đã sao lưu vào %1.</translation>
    </message>
</context>
<context>
    <name>BudgetPage</name>
    <message>
        <source>Allocations</source>
        <translation>Dự toán</translation>
    </message>
    <message>
        <source>Expenses</source>
        <translation>Khoản chi</translation>
    </message>
    <message>
        <source>Monthly spending</source>
        <translation>Chi tiêu theo tháng</translation>
    </message>
    <message>
        <source>Planned and actual cost</source>
        <translation>Kinh phí dự kiến và thực tế</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Kinh phí</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>Năm ngân sách</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Tất cả các năm</translation>
    </message>
    <message>
        <source>Allocated: %1</source>
        <translation>Dự toán: %1</translation>
    </message>
    <message>
        <source>Spent: %1 (%2)</source>
        <translation>Đã chi: %1 (%2)</translation>
    </message>
    <message>
        <source>Balance: %1</source>
        <translation>Còn lại: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n allocation(s) overspent</source>
        <translation><numerusform>%n dự toán đã chi vượt</numerusform></translation>
    </message>
</context>
<context>
    <name>BudgetSection</name>
    <message>
        <source>What happens when an expense would take an allocation over its amount.</source>
        <translation>Cách xử lý khi một khoản chi làm vượt số dự toán được giao.</translation>
    </message>
    <message>
        <source>Warn, and let the expense be recorded</source>
        <translation>Cảnh báo, vẫn cho ghi khoản chi</translation>
    </message>
    <message>
        <source>Refuse the expense</source>
        <translation>Không cho ghi khoản chi</translation>
    </message>
</context>
<context>
    <name>BurnTab</name>
    <message>
        <source>Spent in the month</source>
        <translation>Chi trong tháng</translation>
    </message>
    <message>
        <source>Spent to date</source>
        <translation>Lũy kế đã chi</translation>
    </message>
    <message>
        <source>Allocated for the year</source>
        <translation>Dự toán cả năm</translation>
    </message>
    <message>
        <source>M%1</source>
        <translation>T%1</translation>
    </message>
    <message>
        <source>million đồng</source>
        <translation>triệu đồng</translation>
    </message>
    <message>
        <source>Monthly spending, %1</source>
        <translation>Chi tiêu theo tháng, năm %1</translation>
    </message>
    <message>
        <source>Spent %1 of %2 allocated in %3.</source>
        <translation>Đã chi %1 trên tổng dự toán %2 năm %3.</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>Move “%1”</source>
        <translation>Dời “%1”</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
    <message>
        <source>Previous (Page Up)</source>
        <translation>Trước (Page Up)</translation>
    </message>
    <message>
        <source>Next (Page Down)</source>
        <translation>Sau (Page Down)</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Tuần</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Danh sách</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>Thêm hoạt động</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <source>Export .ics…</source>
        <translation>Xuất .ics…</translation>
    </message>
    <message>
        <source>Import .ics…</source>
        <translation>Nhập .ics…</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Mọi loại hoạt động</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <source>All staff</source>
        <translation>Tất cả cán bộ</translation>
    </message>
    <message>
        <source>All topics</source>
        <translation>Mọi chủ đề</translation>
    </message>
    <message>
        <source>Search title, description, location…</source>
        <translation>Tìm theo tiêu đề, mô tả, địa điểm…</translation>
    </message>
    <message>
        <source>Month %1</source>
        <translation>Tháng %1</translation>
    </message>
    <message>
        <source>Year %1</source>
        <translation>Năm %1</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>Đổi trạng thái</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Delete “%1”?</source>
        <translation>Xóa “%1”?</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Lịch truyền thông</translation>
    </message>
</context>
<context>
    <name>CalendarSection</name>
    <message>
        <source>Approving an activity is a manager's action. The legal deadlines and their basis change with the law; the defaults follow Decree 09/2017, Decree 244/2026 and the Press Law 2016.</source>
        <translation>Phê duyệt hoạt động là việc của lãnh đạo. Thời hạn và căn cứ pháp lý thay đổi theo quy định; giá trị mặc định theo Nghị định 09/2017, Nghị định 244/2026 và Luật Báo chí 2016.</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Nhân sự</translation>
    </message>
    <message>
        <source>Manager (can approve)</source>
        <translation>Lãnh đạo (được phê duyệt)</translation>
    </message>
    <message>
        <source> h</source>
        <translation> giờ</translation>
    </message>
    <message>
        <source> days</source>
        <translation> ngày</translation>
    </message>
    <message>
        <source>Holiday schedule</source>
        <translation>Lịch nghỉ lễ, Tết</translation>
    </message>
</context>
<context>
    <name>CompliancePanel</name>
    <message>
        <source>Legal deadlines</source>
        <translation>Thời hạn theo quy định</translation>
    </message>
    <message numerus="yes">
        <source>Overdue: %n</source>
        <translation><numerusform>Quá hạn: %n</numerusform></translation>
    </message>
</context>
<context>
    <name>ConflictModel</name>
    <message>
        <source>Record</source>
        <translation>Bản ghi</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Đang dùng</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>Bị thay thế</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Phát hiện lúc</translation>
    </message>
    <message>
        <source>(this desk)</source>
        <translation>(máy này)</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>đã xóa</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>còn giữ</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(trống)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <source>deletion</source>
        <translation>xóa bản ghi</translation>
    </message>
    <message>
        <source>Written on this computer.</source>
        <translation>Do máy này ghi.</translation>
    </message>
</context>
<context>
    <name>ConnectionSection</name>
    <message>
        <source>System certificates</source>
        <translation>Chứng thư của hệ thống</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source> min</source>
        <translation> phút</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Đăng xuất</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Địa chỉ máy chủ</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>Tệp chứng thư CA</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Sync every</source>
        <translation>Đồng bộ mỗi</translation>
    </message>
    <message>
        <source>The password is not kept: after logging in, a sign-in token is stored in the operating system's password store.</source>
        <translation>Mật khẩu không được lưu lại: sau khi đăng nhập, một mã đăng nhập được cất trong kho mật khẩu của hệ điều hành.</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Chứng thư (*.pem *.crt *.cer);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Enter the server address, your user name and your password.</source>
        <translation>Hãy nhập địa chỉ máy chủ, tên đăng nhập và mật khẩu.</translation>
    </message>
    <message>
        <source>The server address starts with https://</source>
        <translation>Địa chỉ máy chủ bắt đầu bằng https://</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Đang đăng nhập…</translation>
    </message>
    <message>
        <source>Logged in as %1 for office %2.</source>
        <translation>Đã đăng nhập với tên %1 cho đơn vị %2.</translation>
    </message>
    <message>
        <source>Logged out. Changes stay on this computer until you log in again.</source>
        <translation>Đã đăng xuất. Các thay đổi vẫn được giữ trên máy này cho tới khi đăng nhập lại.</translation>
    </message>
</context>
<context>
    <name>CoverageDialog</name>
    <message>
        <source>Article</source>
        <translation>Tin bài</translation>
    </message>
    <message>
        <source>Article: %1</source>
        <translation>Tin bài: %1</translation>
    </message>
    <message>
        <source>Suggest automatically</source>
        <translation>Để máy gợi ý</translation>
    </message>
    <message>
        <source>Needs a reply (within 30 days of publication)</source>
        <translation>Cần phản hồi (trong 30 ngày kể từ ngày đăng)</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Tóm tắt</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Cơ quan báo chí</translation>
    </message>
    <message>
        <source>Journalist</source>
        <translation>Nhà báo</translation>
    </message>
    <message>
        <source>Author (as printed)</source>
        <translation>Tác giả (như trên bài)</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Loại hình</translation>
    </message>
    <message>
        <source>Address (URL)</source>
        <translation>Địa chỉ (URL)</translation>
    </message>
    <message>
        <source>Published at</source>
        <translation>Thời điểm đăng</translation>
    </message>
    <message>
        <source>Tone</source>
        <translation>Sắc thái</translation>
    </message>
    <message>
        <source>Reach</source>
        <translation>Lượt tiếp cận</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>Xử lý</translation>
    </message>
    <message>
        <source>Reply deadline</source>
        <translation>Hạn phản hồi</translation>
    </message>
    <message>
        <source>Related activity</source>
        <translation>Hoạt động liên quan</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Chủ đề</translation>
    </message>
    <message>
        <source>(linked activity)</source>
        <translation>(hoạt động đã liên kết)</translation>
    </message>
    <message>
        <source>Suggested: %1 (confidence %2%)</source>
        <translation>Gợi ý: %1 (độ tin cậy %2%)</translation>
    </message>
</context>
<context>
    <name>CoverageLog</name>
    <message>
        <source>Search headlines, summaries and authors (marks optional)</source>
        <translation>Tìm theo tiêu đề, tóm tắt, tác giả (gõ có dấu hoặc không dấu)</translation>
    </message>
    <message>
        <source>All media</source>
        <translation>Mọi loại hình</translation>
    </message>
    <message>
        <source>All tones</source>
        <translation>Mọi sắc thái</translation>
    </message>
    <message>
        <source>Needs a reply</source>
        <translation>Cần phản hồi</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Published from</source>
        <translation>Đăng từ ngày</translation>
    </message>
    <message>
        <source>Published until</source>
        <translation>Đăng đến ngày</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Ngày đăng</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Cơ quan báo chí</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Loại hình</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Chủ đề</translation>
    </message>
    <message>
        <source>Tone</source>
        <translation>Sắc thái</translation>
    </message>
    <message>
        <source>Set by a person</source>
        <translation>Do người dùng đánh giá</translation>
    </message>
    <message>
        <source>Suggested automatically; change it if it is wrong</source>
        <translation>Do máy gợi ý; hãy sửa nếu chưa đúng</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Phản hồi</translation>
    </message>
    <message>
        <source>Reach</source>
        <translation>Lượt tiếp cận</translation>
    </message>
    <message>
        <source>New article…</source>
        <translation>Thêm tin bài…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Set tone</source>
        <translation>Đặt sắc thái</translation>
    </message>
    <message>
        <source>Add to topic…</source>
        <translation>Gắn vào chủ đề…</translation>
    </message>
    <message>
        <source>Mark answered</source>
        <translation>Đánh dấu đã phản hồi</translation>
    </message>
    <message>
        <source>All agencies</source>
        <translation>Mọi cơ quan báo chí</translation>
    </message>
    <message>
        <source>All topics</source>
        <translation>Mọi chủ đề</translation>
    </message>
    <message>
        <source>%1 articles</source>
        <translation>%1 tin bài</translation>
    </message>
    <message>
        <source>Add to topic</source>
        <translation>Gắn vào chủ đề</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Chủ đề</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>CommDesk — unexpected error</source>
        <translation>CommDesk — lỗi ngoài dự kiến</translation>
    </message>
    <message>
        <source>CommDesk met an error it did not expect.</source>
        <translation>CommDesk gặp một lỗi ngoài dự kiến.</translation>
    </message>
    <message>
        <source>Changes saved before this moment are safe. If you were editing something, check it before you go on.</source>
        <translation>Các thay đổi đã lưu trước thời điểm này vẫn an toàn. Nếu bạn đang sửa dở nội dung nào, hãy kiểm tra lại trước khi làm tiếp.</translation>
    </message>
    <message>
        <source>The details were written to the log file:</source>
        <translation>Chi tiết lỗi đã được ghi vào tệp nhật ký:</translation>
    </message>
    <message>
        <source>Send this file to your IT officer if the error comes back.</source>
        <translation>Nếu lỗi lặp lại, hãy gửi tệp này cho cán bộ phụ trách công nghệ thông tin.</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Xem chi tiết</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Sao chép chi tiết</translation>
    </message>
    <message>
        <source>Open the log folder</source>
        <translation>Mở thư mục nhật ký</translation>
    </message>
    <message>
        <source>Quit CommDesk</source>
        <translation>Thoát CommDesk</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Tiếp tục</translation>
    </message>
    <message>
        <source>CommDesk must close because of an error in Qt: %1</source>
        <translation>CommDesk phải đóng do lỗi trong thư viện Qt: %1</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <source>Today and the next 7 days</source>
        <translation>Hôm nay và 7 ngày tới</translation>
    </message>
    <message>
        <source>Overdue deadlines</source>
        <translation>Việc quá hạn</translation>
    </message>
    <message>
        <source>Compliance this quarter</source>
        <translation>Tuân thủ quy định quý này</translation>
    </message>
    <message>
        <source>Budget burn</source>
        <translation>Tiến độ chi ngân sách</translation>
    </message>
    <message>
        <source>Coverage alerts</source>
        <translation>Cảnh báo thông tin báo chí</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>Tình trạng đồng bộ</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message>
        <source>The dashboard could not be loaded: %1</source>
        <translation>Không tải được trang tổng quan: %1</translation>
    </message>
    <message>
        <source>As of %1 %2</source>
        <translation>Cập nhật lúc %1 ngày %2</translation>
    </message>
    <message>
        <source>Nothing scheduled.</source>
        <translation>Không có lịch.</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… và %1 hoạt động khác</translation>
    </message>
    <message>
        <source>%1 today · %2 in 8 days</source>
        <translation>%1 hôm nay · %2 trong 8 ngày</translation>
    </message>
    <message>
        <source>(%1 days)</source>
        <translation>(%1 ngày)</translation>
    </message>
    <message>
        <source>Nothing is overdue.</source>
        <translation>Không có việc quá hạn.</translation>
    </message>
    <message>
        <source>met</source>
        <translation>đạt</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>đang thực hiện</translation>
    </message>
    <message>
        <source>at risk</source>
        <translation>có nguy cơ không đạt</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>không đạt</translation>
    </message>
    <message>
        <source>No allocations for this year yet.</source>
        <translation>Chưa có dự toán năm nay.</translation>
    </message>
    <message>
        <source>Spent %1 of %2 allocated in %3</source>
        <translation>Đã chi %1 trên dự toán %2 năm %3</translation>
    </message>
    <message>
        <source>%1% of the year has passed</source>
        <translation>Đã qua %1% thời gian trong năm</translation>
    </message>
    <message>
        <source>%1 allocation(s) overspent</source>
        <translation>%1 dự toán bị chi vượt</translation>
    </message>
    <message>
        <source>Negative articles in the last 7 days: %1</source>
        <translation>Tin, bài tiêu cực trong 7 ngày qua: %1</translation>
    </message>
    <message>
        <source>Replies to the press overdue: %1</source>
        <translation>Phản hồi báo chí quá hạn: %1</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Máy chủ: %1</translation>
    </message>
    <message>
        <source>Not connected to a sync server</source>
        <translation>Chưa kết nối máy chủ đồng bộ</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Chưa đồng bộ lần nào</translation>
    </message>
    <message>
        <source>Last synced: %1</source>
        <translation>Đồng bộ lần cuối: %1</translation>
    </message>
    <message>
        <source>Last attempt failed: %1</source>
        <translation>Lần đồng bộ gần nhất không thành công: %1</translation>
    </message>
    <message>
        <source>Changes waiting to sync: %1</source>
        <translation>Thay đổi chờ đồng bộ: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) waiting for review</source>
        <translation><numerusform>%n xung đột chờ xem xét</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused by the server</source>
        <translation><numerusform>%n thay đổi bị máy chủ từ chối</numerusform></translation>
    </message>
    <message>
        <source>just now</source>
        <translation>vừa xong</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation><numerusform>%n phút trước</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation><numerusform>%n giờ trước</numerusform></translation>
    </message>
    <message>
        <source>today at %1 (%2)</source>
        <translation>hôm nay lúc %1 (%2)</translation>
    </message>
</context>
<context>
    <name>DatabaseProblemDialog</name>
    <message>
        <source>CommDesk — the data file cannot be used</source>
        <translation>CommDesk — không dùng được tệp dữ liệu</translation>
    </message>
    <message>
        <source>Another program is using the data file: another copy of CommDesk, a backup or antivirus program. Close it, then try again.</source>
        <translation>Một chương trình khác đang dùng tệp dữ liệu: một cửa sổ CommDesk khác, phần mềm sao lưu hoặc diệt virus. Hãy đóng chương trình đó rồi thử lại.</translation>
    </message>
    <message>
        <source>CommDesk is not allowed to write to the data file. Check that the folder is not read-only and that your account may write to it, or ask your IT officer.</source>
        <translation>CommDesk không được phép ghi vào tệp dữ liệu. Hãy kiểm tra thư mục không ở chế độ chỉ đọc và tài khoản của bạn có quyền ghi, hoặc nhờ cán bộ công nghệ thông tin.</translation>
    </message>
    <message>
        <source>Check that the data folder exists, that a network or USB drive holding it is connected, and that your account may write to it; or ask your IT officer.</source>
        <translation>Hãy kiểm tra thư mục dữ liệu còn tồn tại, ổ mạng hoặc ổ USB chứa nó đang được kết nối và tài khoản của bạn được phép ghi vào đó; hoặc hỏi cán bộ phụ trách công nghệ thông tin.</translation>
    </message>
    <message>
        <source>Free some space on the disk (empty the Recycle Bin, remove large files you no longer need), then try again.</source>
        <translation>Hãy giải phóng dung lượng ổ đĩa (dọn Thùng rác, xóa các tệp lớn không còn cần), rồi thử lại.</translation>
    </message>
    <message>
        <source>Check the drive (reconnect a network or USB drive), then try again. If it keeps happening, the disk may be failing: restore the newest backup onto a healthy disk.</source>
        <translation>Hãy kiểm tra ổ đĩa (kết nối lại ổ mạng hoặc ổ USB) rồi thử lại. Nếu lỗi vẫn lặp lại, có thể ổ đĩa đang hỏng: hãy khôi phục bản sao lưu mới nhất sang một ổ đĩa còn tốt.</translation>
    </message>
    <message>
        <source>The data file is damaged. Restore the newest backup: the damaged file is kept aside, never deleted.</source>
        <translation>Tệp dữ liệu bị hỏng. Hãy khôi phục bản sao lưu mới nhất: tệp bị hỏng được giữ lại riêng, không bị xóa.</translation>
    </message>
    <message>
        <source>Install the newer version of CommDesk to open this data. The file was not changed.</source>
        <translation>Hãy cài phiên bản CommDesk mới hơn để mở dữ liệu này. Tệp không bị thay đổi.</translation>
    </message>
    <message>
        <source>Data file: %1</source>
        <translation>Tệp dữ liệu: %1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>Khôi phục bản sao lưu…</translation>
    </message>
    <message>
        <source>Open the data folder</source>
        <translation>Mở thư mục dữ liệu</translation>
    </message>
    <message>
        <source>Quit CommDesk</source>
        <translation>Thoát CommDesk</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>DesktopApp</name>
    <message>
        <source>The data could not be opened: %1. The log file has the details.</source>
        <translation>Không mở được dữ liệu: %1. Chi tiết có trong tệp nhật ký.</translation>
    </message>
    <message>
        <source>CommDesk closed unexpectedly the last time it ran. What happened was written to %1; send it to your IT officer if this happens again.</source>
        <translation>Lần chạy trước CommDesk đã bị đóng đột ngột. Thông tin về sự cố đã được ghi vào %1; nếu còn lặp lại, hãy gửi tệp này cho cán bộ công nghệ thông tin.</translation>
    </message>
    <message>
        <source>Daily backup written to %1.</source>
        <translation>Đã sao lưu hằng ngày vào %1.</translation>
    </message>
    <message>
        <source>The daily backup failed: %1. Check the backup folder in Settings.</source>
        <translation>Sao lưu hằng ngày không thành công: %1. Hãy kiểm tra thư mục sao lưu trong Cài đặt.</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Khôi phục bản sao lưu</translation>
    </message>
    <message>
        <source>Replace the current data with the copy %1?

Changes made after that copy was taken will no longer be in CommDesk; the current data is kept aside in the backup folder first. CommDesk closes the data file and opens it again.</source>
        <translation>Thay dữ liệu hiện tại bằng bản sao %1?

Các thay đổi sau thời điểm tạo bản sao đó sẽ không còn trong CommDesk; dữ liệu hiện tại được cất sang thư mục sao lưu trước. CommDesk sẽ đóng tệp dữ liệu rồi mở lại.</translation>
    </message>
    <message>
        <source>Restored %1. The data it replaced was kept in %2.</source>
        <translation>Đã khôi phục %1. Dữ liệu bị thay thế được giữ tại %2.</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Xóa…</translation>
    </message>
    <message>
        <source>A weekend day worked in exchange for a day off</source>
        <translation>Ngày cuối tuần đi làm bù cho ngày nghỉ</translation>
    </message>
    <message>
        <source>Double-click a day or press Enter to add an activity.</source>
        <translation>Nhấp đúp vào một ngày hoặc nhấn Enter để thêm hoạt động.</translation>
    </message>
    <message>
        <source>Select an activity to see its details.</source>
        <translation>Chọn một hoạt động để xem chi tiết.</translation>
    </message>
    <message>
        <source> (leap month)</source>
        <translation> (tháng nhuận)</translation>
    </message>
    <message>
        <source>Lunar date: %1</source>
        <translation>Âm lịch: %1</translation>
    </message>
    <message>
        <source>Part of a repeating series</source>
        <translation>Thuộc một lịch lặp lại</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Được mời</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <source>Spokesperson</source>
        <translation>Người phát ngôn</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Chủ đề</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kinh phí</translation>
    </message>
    <message>
        <source>Case received</source>
        <translation>Nhận vụ việc</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <source>Statement made</source>
        <translation>Đã phát ngôn</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Phê duyệt</translation>
    </message>
    <message>
        <source>Start preparing</source>
        <translation>Bắt đầu chuẩn bị</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Đã thực hiện</translation>
    </message>
    <message>
        <source>Postpone</source>
        <translation>Hoãn</translation>
    </message>
    <message>
        <source>Cancel activity</source>
        <translation>Hủy hoạt động</translation>
    </message>
    <message>
        <source>Plan again</source>
        <translation>Lên lịch lại</translation>
    </message>
    <message>
        <source>Statement due in %1</source>
        <translation>Còn %1 đến hạn phát ngôn</translation>
    </message>
    <message>
        <source>Statement overdue by %1</source>
        <translation>Quá hạn phát ngôn %1</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Likely duplicates</source>
        <translation>Bản ghi có thể trùng</translation>
    </message>
    <message>
        <source>Looking for duplicates…</source>
        <translation>Đang tìm bản ghi trùng…</translation>
    </message>
    <message>
        <source>Merge the chosen pair…</source>
        <translation>Gộp cặp đã chọn…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message numerus="yes">
        <source>%n likely duplicate pair(s)</source>
        <translation><numerusform>%n cặp có thể trùng</numerusform></translation>
    </message>
</context>
<context>
    <name>ExpenseDialog</name>
    <message>
        <source>Expense</source>
        <translation>Khoản chi</translation>
    </message>
    <message>
        <source>New expense</source>
        <translation>Thêm khoản chi</translation>
    </message>
    <message>
        <source>left</source>
        <translation>còn</translation>
    </message>
    <message>
        <source>— no allocation —</source>
        <translation>— không theo dự toán —</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— chưa có —</translation>
    </message>
    <message>
        <source>e.g. PC-0125</source>
        <translation>ví dụ: PC-0125</translation>
    </message>
    <message>
        <source>Reason for overspending</source>
        <translation>Lý do chi vượt</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <source>Allocation</source>
        <translation>Dự toán</translation>
    </message>
    <message>
        <source>Activity (optional)</source>
        <translation>Hoạt động</translation>
    </message>
    <message>
        <source>Details of the expense</source>
        <translation>Nội dung chi</translation>
    </message>
    <message>
        <source>Voucher number</source>
        <translation>Số chứng từ</translation>
    </message>
    <message>
        <source>Payee</source>
        <translation>Đơn vị/người nhận</translation>
    </message>
    <message>
        <source>This expense exceeds the allocation's balance by %1 (%2 left). The office does not allow overspending: it will be refused.</source>
        <translation>Khoản chi này vượt số dư của dự toán %1 (còn %2). Đơn vị không cho phép chi vượt dự toán: khoản chi sẽ bị từ chối.</translation>
    </message>
    <message>
        <source>This expense exceeds the allocation's balance by %1 (%2 left). Give the reason for overspending to save it.</source>
        <translation>Khoản chi này vượt số dư của dự toán %1 (còn %2). Hãy nêu lý do chi vượt để lưu.</translation>
    </message>
</context>
<context>
    <name>ExpensesTab</name>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>Chứng từ</translation>
    </message>
    <message>
        <source>Payee</source>
        <translation>Đơn vị/người nhận</translation>
    </message>
    <message>
        <source>Allocation</source>
        <translation>Dự toán</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Hoạt động</translation>
    </message>
    <message>
        <source>Details of the expense</source>
        <translation>Nội dung chi</translation>
    </message>
    <message>
        <source>Overspend reason</source>
        <translation>Lý do chi vượt</translation>
    </message>
    <message>
        <source>New expense…</source>
        <translation>Thêm khoản chi…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>(another year)</source>
        <translation>(năm khác)</translation>
    </message>
    <message numerus="yes">
        <source>%n expense(s)</source>
        <translation><numerusform>%n khoản chi</numerusform></translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tất cả</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export to iCalendar (.ics)</source>
        <translation>Xuất ra iCalendar (.ics)</translation>
    </message>
    <message>
        <source>All activities</source>
        <translation>Tất cả hoạt động</translation>
    </message>
    <message>
        <source>The period shown, with the current filters</source>
        <translation>Khoảng thời gian đang xem, theo bộ lọc hiện tại</translation>
    </message>
    <message>
        <source>The selected activity</source>
        <translation>Hoạt động đang chọn</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message numerus="yes">
        <source>%n activity(ies) exported.</source>
        <translation><numerusform>Đã xuất %n hoạt động.</numerusform></translation>
    </message>
</context>
<context>
    <name>FeedsView</name>
    <message>
        <source>Not checked yet</source>
        <translation>Chưa kiểm tra</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Bình thường</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Cơ quan báo chí</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Nguồn tin</translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation>Lần kiểm tra gần nhất</translation>
    </message>
    <message>
        <source>Last success</source>
        <translation>Lần thành công gần nhất</translation>
    </message>
    <message>
        <source>Next check</source>
        <translation>Lần kiểm tra tới</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Chờ duyệt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Follow a feed…</source>
        <translation>Theo dõi nguồn tin…</translation>
    </message>
    <message>
        <source>Follow the feeds of every agency</source>
        <translation>Theo dõi nguồn tin của mọi cơ quan báo chí</translation>
    </message>
    <message>
        <source>Stop following</source>
        <translation>Ngừng theo dõi</translation>
    </message>
    <message>
        <source>Check feeds now</source>
        <translation>Kiểm tra nguồn tin ngay</translation>
    </message>
    <message>
        <source>Feeds are checked in the background every 30 minutes while CommDesk is open and the network is there. A feed that fails is retried later; its error is shown here.</source>
        <translation>Nguồn tin được kiểm tra ngầm 30 phút một lần khi CommDesk đang mở và có mạng. Nguồn nào lỗi sẽ được thử lại sau; lỗi được hiện ở đây.</translation>
    </message>
    <message>
        <source>%1 feeds added</source>
        <translation>Đã thêm %1 nguồn tin</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>HolidayOverrideForm</name>
    <message>
        <source>Holiday schedule change</source>
        <translation>Điều chỉnh lịch nghỉ lễ</translation>
    </message>
    <message>
        <source>New holiday schedule change</source>
        <translation>Điều chỉnh lịch nghỉ lễ mới</translation>
    </message>
    <message>
        <source>Day off: an extra holiday or a day off in exchange</source>
        <translation>Ngày nghỉ: nghỉ thêm hoặc nghỉ bù</translation>
    </message>
    <message>
        <source>Working day: a weekend worked or a holiday cancelled</source>
        <translation>Ngày làm việc: đi làm bù ngày cuối tuần hoặc bỏ ngày nghỉ lễ</translation>
    </message>
    <message>
        <source>e.g. Nghỉ Tết Nguyên Đán (bổ sung)</source>
        <translation>ví dụ: Nghỉ Tết Nguyên Đán (bổ sung)</translation>
    </message>
    <message>
        <source>Shown when CommDesk is in English</source>
        <translation>Hiển thị khi CommDesk dùng tiếng Anh</translation>
    </message>
    <message>
        <source>e.g. Thông báo 6150/TB-BLĐTBXH</source>
        <translation>ví dụ: Thông báo 6150/TB-BLĐTBXH</translation>
    </message>
    <message>
        <source>Saved changes are published to every office at the next sync.</source>
        <translation>Điều chỉnh đã lưu được công bố tới mọi đơn vị ở lần đồng bộ tới.</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Name in English</source>
        <translation>Tên tiếng Anh</translation>
    </message>
    <message>
        <source>Announced by</source>
        <translation>Văn bản công bố</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>public holiday: %1</source>
        <translation>ngày lễ: %1</translation>
    </message>
    <message>
        <source>a weekend day already worked in exchange for a day off</source>
        <translation>ngày cuối tuần đã là ngày đi làm bù cho ngày nghỉ</translation>
    </message>
    <message>
        <source>weekend</source>
        <translation>ngày cuối tuần</translation>
    </message>
    <message>
        <source>working day</source>
        <translation>ngày làm việc</translation>
    </message>
</context>
<context>
    <name>HolidaySchedulePanel</name>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>Thứ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>Add a change…</source>
        <translation>Thêm điều chỉnh…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Rút lại</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>This desk is logged in to sync with the central role: the changes it saves here are published to every office at the next sync.</source>
        <translation>Máy này đăng nhập đồng bộ với vai trò trung ương: các điều chỉnh lưu ở đây được công bố tới mọi đơn vị ở lần đồng bộ tới.</translation>
    </message>
    <message>
        <source>Changes to the holiday schedule are published by the central office and arrive with sync; this list can only be read here.</source>
        <translation>Các điều chỉnh lịch nghỉ lễ do cơ quan trung ương công bố và được nhận qua đồng bộ; ở đây chỉ được xem.</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>Theo lịch có sẵn</translation>
    </message>
    <message>
        <source>Published by the central office</source>
        <translation>Do trung ương công bố</translation>
    </message>
    <message>
        <source>Instead of: %1</source>
        <translation>Thay cho: %1</translation>
    </message>
    <message>
        <source>Withdraw the change of %1 (%2)? Every office gets the built-in day back at its next sync.</source>
        <translation>Rút lại điều chỉnh ngày %1 (%2)? Mọi đơn vị trở lại theo lịch có sẵn ở lần đồng bộ tới.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import from iCalendar (.ics)</source>
        <translation>Nhập từ iCalendar (.ics)</translation>
    </message>
    <message>
        <source>An .ics file from Outlook, Google Calendar or CommDesk</source>
        <translation>Tệp .ics từ Outlook, Google Calendar hoặc CommDesk</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <source>Update activities already imported (same UID)</source>
        <translation>Cập nhật hoạt động đã nhập trước (cùng UID)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Type when not recognised (*)</source>
        <translation>Loại khi không nhận ra (*)</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Vấn đề</translation>
    </message>
    <message>
        <source>New: %1 · update: %2 · skip: %3</source>
        <translation>Mới: %1 · cập nhật: %2 · bỏ qua: %3</translation>
    </message>
    <message>
        <source>line %1: </source>
        <translation>dòng %1: </translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 updated, %3 skipped.</source>
        <translation>Đã nhập: %1 mới, %2 cập nhật, %3 bỏ qua.</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>Nhập danh bạ</translation>
    </message>
    <message>
        <source>Choose a CSV, XLSX or vCard file.</source>
        <translation>Chọn tệp CSV, XLSX hoặc vCard.</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Cột trong tệp</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Ví dụ</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>Nhập thành</translation>
    </message>
    <message>
        <source>Rows to import</source>
        <translation>Dòng sẽ nhập</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>Dòng bị từ chối</translation>
    </message>
    <message>
        <source>Back to the columns</source>
        <translation>Quay lại chọn cột</translation>
    </message>
    <message>
        <source>Check the rows</source>
        <translation>Kiểm tra các dòng</translation>
    </message>
    <message>
        <source>Import the good rows</source>
        <translation>Nhập các dòng hợp lệ</translation>
    </message>
    <message>
        <source>Import nothing</source>
        <translation>Không nhập gì</translation>
    </message>
    <message>
        <source>Contacts (*.csv *.txt *.xlsx *.vcf);;All files (*)</source>
        <translation>Danh bạ (*.csv *.txt *.xlsx *.vcf);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Đang đọc %1…</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n card(s) in vCard format.</source>
        <translation><numerusform>%1: %n danh thiếp định dạng vCard.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n row(s), recognised as %2%3. Check how each column is imported.</source>
        <translation><numerusform>%1: %n dòng, nhận dạng là %2%3. Hãy kiểm tra cách nhập từng cột.</numerusform></translation>
    </message>
    <message>
        <source>(do not import)</source>
        <translation>(không nhập)</translation>
    </message>
    <message>
        <source>Rows to import (%1)</source>
        <translation>Dòng sẽ nhập (%1)</translation>
    </message>
    <message>
        <source>Rejected rows (%1)</source>
        <translation>Dòng bị từ chối (%1)</translation>
    </message>
    <message>
        <source>%1 of %2 rows can be imported; %3 are refused, each with its reason.</source>
        <translation>Có thể nhập %1/%2 dòng; %3 dòng bị từ chối, mỗi dòng kèm lý do.</translation>
    </message>
    <message>
        <source>New press agencies will be created: %1.</source>
        <translation>Sẽ tạo mới các cơ quan báo chí: %1.</translation>
    </message>
    <message>
        <source>Import all %1 rows</source>
        <translation>Nhập cả %1 dòng</translation>
    </message>
    <message>
        <source>Import the %1 good rows</source>
        <translation>Nhập %1 dòng hợp lệ</translation>
    </message>
    <message>
        <source>%1 journalists imported.</source>
        <translation>Đã nhập %1 nhà báo.</translation>
    </message>
    <message>
        <source>New press agencies created — check their type and level (they were added as central newspapers, with a note saying so):</source>
        <translation>Các cơ quan báo chí mới đã được tạo — cần kiểm tra loại hình và cấp (được thêm tạm là báo trung ương, có ghi chú kèm theo):</translation>
    </message>
</context>
<context>
    <name>InteractionDialog</name>
    <message>
        <source>Log an interaction</source>
        <translation>Ghi nhận làm việc với báo chí</translation>
    </message>
    <message>
        <source>With</source>
        <translation>Với</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Tóm tắt</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>(không ai)</translation>
    </message>
    <message>
        <source>To be answered by %1 (30 days, Press Law 2016 Art. 39).</source>
        <translation>Phải trả lời trước ngày %1 (30 ngày, Điều 39 Luật Báo chí 2016).</translation>
    </message>
</context>
<context>
    <name>InviteeModel</name>
    <message>
        <source>Invited</source>
        <translation>Được mời</translation>
    </message>
    <message>
        <source>Press agency</source>
        <translation>Cơ quan báo chí</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Tham dự</translation>
    </message>
</context>
<context>
    <name>JournalistDialog</name>
    <message>
        <source>Edit journalist</source>
        <translation>Sửa thông tin nhà báo</translation>
    </message>
    <message>
        <source>New journalist</source>
        <translation>Thêm nhà báo</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>Resident correspondent in the province</source>
        <translation>Phóng viên thường trú tại tỉnh</translation>
    </message>
    <message>
        <source>e.g. Y tế, Giáo dục (comma-separated)</source>
        <translation>ví dụ: Y tế, Giáo dục (cách nhau bằng dấu phẩy)</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>cách nhau bằng dấu phẩy</translation>
    </message>
    <message>
        <source>comma-separated; the first receives press releases</source>
        <translation>cách nhau bằng dấu phẩy; địa chỉ đầu tiên nhận thông cáo</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>Không liên hệ</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Press agency</source>
        <translation>Cơ quan báo chí</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Chức danh</translation>
    </message>
    <message>
        <source>Press card number</source>
        <translation>Số thẻ nhà báo</translation>
    </message>
    <message>
        <source>Press card issued</source>
        <translation>Ngày cấp thẻ</translation>
    </message>
    <message>
        <source>Press card expires</source>
        <translation>Hạn thẻ nhà báo</translation>
    </message>
    <message>
        <source>Beats</source>
        <translation>Lĩnh vực theo dõi</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Relationship owner</source>
        <translation>Cán bộ phụ trách</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>(không ai)</translation>
    </message>
</context>
<context>
    <name>JournalistPage</name>
    <message>
        <source>Phones</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <source>Beats</source>
        <translation>Lĩnh vực theo dõi</translation>
    </message>
    <message>
        <source>Press card</source>
        <translation>Thẻ nhà báo</translation>
    </message>
    <message>
        <source>Relationship owner</source>
        <translation>Cán bộ phụ trách</translation>
    </message>
    <message>
        <source>Distribution lists</source>
        <translation>Danh sách gửi tin</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Log interaction…</source>
        <translation>Ghi nhận làm việc…</translation>
    </message>
    <message>
        <source>Log press question…</source>
        <translation>Ghi nhận câu hỏi…</translation>
    </message>
    <message>
        <source>Mark answered…</source>
        <translation>Đánh dấu đã trả lời…</translation>
    </message>
    <message>
        <source>History with this journalist</source>
        <translation>Lịch sử làm việc với nhà báo</translation>
    </message>
    <message>
        <source>Choose a journalist in the list.</source>
        <translation>Chọn một nhà báo trong danh sách.</translation>
    </message>
    <message>
        <source>Resident correspondent</source>
        <translation>Phóng viên thường trú</translation>
    </message>
    <message>
        <source>Do not contact: %1</source>
        <translation>Không liên hệ: %1</translation>
    </message>
    <message>
        <source>issued %1</source>
        <translation>cấp %1</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>hết hạn %1</translation>
    </message>
</context>
<context>
    <name>JournalistsTab</name>
    <message>
        <source>Search by name, title, beat, e-mail, phone or card number — accents optional</source>
        <translation>Tìm theo tên, chức danh, lĩnh vực, thư điện tử, điện thoại hoặc số thẻ — gõ có dấu hay không dấu đều được</translation>
    </message>
    <message>
        <source>All agencies</source>
        <translation>Mọi cơ quan báo chí</translation>
    </message>
    <message>
        <source>All media</source>
        <translation>Mọi loại hình</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>Mọi cấp</translation>
    </message>
    <message>
        <source>All beats</source>
        <translation>Mọi lĩnh vực</translation>
    </message>
    <message>
        <source>Any press card</source>
        <translation>Mọi tình trạng thẻ</translation>
    </message>
    <message>
        <source>Press card expired</source>
        <translation>Thẻ nhà báo đã hết hạn</translation>
    </message>
    <message>
        <source>Expires within 90 days</source>
        <translation>Hết hạn trong 90 ngày</translation>
    </message>
    <message>
        <source>Contact: all</source>
        <translation>Liên hệ: tất cả</translation>
    </message>
    <message>
        <source>Can be contacted</source>
        <translation>Được liên hệ</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>Không liên hệ</translation>
    </message>
    <message>
        <source>New journalist…</source>
        <translation>Thêm nhà báo…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Add to list…</source>
        <translation>Thêm vào danh sách…</translation>
    </message>
    <message>
        <source>Send press release…</source>
        <translation>Gửi thông cáo…</translation>
    </message>
    <message>
        <source>Merge two…</source>
        <translation>Gộp hai bản ghi…</translation>
    </message>
    <message>
        <source>Find duplicates…</source>
        <translation>Tìm trùng lặp…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Nhập…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Xuất…</translation>
    </message>
    <message numerus="yes">
        <source>%n journalist(s)</source>
        <translation><numerusform>%n nhà báo</numerusform></translation>
    </message>
    <message>
        <source>Delete journalists</source>
        <translation>Xóa nhà báo</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n journalist(s)? Their history is kept.</source>
        <translation><numerusform>Xóa %n nhà báo? Lịch sử làm việc vẫn được giữ.</numerusform></translation>
    </message>
    <message>
        <source>(new list…)</source>
        <translation>(danh sách mới…)</translation>
    </message>
    <message>
        <source>Add to list</source>
        <translation>Thêm vào danh sách</translation>
    </message>
    <message numerus="yes">
        <source>Add %n journalist(s) to:</source>
        <translation><numerusform>Thêm %n nhà báo vào:</numerusform></translation>
    </message>
    <message>
        <source>New list</source>
        <translation>Danh sách mới</translation>
    </message>
    <message>
        <source>Name of the new list:</source>
        <translation>Tên danh sách mới:</translation>
    </message>
</context>
<context>
    <name>LanguageSection</name>
    <message>
        <source>The language of menus, forms, messages and reports. The change applies when CommDesk starts again.</source>
        <translation>Ngôn ngữ của trình đơn, biểu mẫu, thông báo và báo cáo. Thay đổi có hiệu lực khi CommDesk khởi động lại.</translation>
    </message>
    <message>
        <source>Restart CommDesk now</source>
        <translation>Khởi động lại CommDesk ngay</translation>
    </message>
    <message>
        <source>Saved. The new language applies when CommDesk starts again.</source>
        <translation>Đã lưu. Ngôn ngữ mới có hiệu lực khi CommDesk khởi động lại.</translation>
    </message>
</context>
<context>
    <name>ListsTab</name>
    <message>
        <source>New list…</source>
        <translation>Danh sách mới…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Đổi tên…</translation>
    </message>
    <message>
        <source>Delete list</source>
        <translation>Xóa danh sách</translation>
    </message>
    <message>
        <source>Send press release to this list…</source>
        <translation>Gửi thông cáo cho danh sách này…</translation>
    </message>
    <message>
        <source>Remove from list</source>
        <translation>Bỏ khỏi danh sách</translation>
    </message>
    <message>
        <source>Add journalists from the Journalists tab: select them, then “Add to list…”.</source>
        <translation>Thêm nhà báo từ thẻ Nhà báo: chọn nhà báo rồi bấm “Thêm vào danh sách…”.</translation>
    </message>
    <message>
        <source>New list</source>
        <translation>Danh sách mới</translation>
    </message>
    <message>
        <source>Name of the new list:</source>
        <translation>Tên danh sách mới:</translation>
    </message>
    <message>
        <source>Rename list</source>
        <translation>Đổi tên danh sách</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Tên mới:</translation>
    </message>
    <message>
        <source>Delete the list “%1”? The journalists stay.</source>
        <translation>Xóa danh sách “%1”? Các nhà báo vẫn được giữ.</translation>
    </message>
</context>
<context>
    <name>LoadingPage</name>
    <message>
        <source>Opening the database…</source>
        <translation>Đang mở cơ sở dữ liệu…</translation>
    </message>
</context>
<context>
    <name>MailSection</name>
    <message>
        <source>Press releases leave through the office's mail server, one message per recipient. The password is kept in the operating system's password store, never in CommDesk's data.</source>
        <translation>Thông cáo báo chí được gửi qua máy chủ thư của đơn vị, mỗi người nhận một thư riêng. Mật khẩu được giữ trong kho mật khẩu của hệ điều hành, không bao giờ lưu trong dữ liệu CommDesk.</translation>
    </message>
    <message>
        <source>STARTTLS (usually port 587)</source>
        <translation>STARTTLS (thường là cổng 587)</translation>
    </message>
    <message>
        <source>SSL/TLS (usually port 465)</source>
        <translation>SSL/TLS (thường là cổng 465)</translation>
    </message>
    <message>
        <source>None (only inside the office network)</source>
        <translation>Không mã hóa (chỉ dùng trong mạng nội bộ)</translation>
    </message>
    <message>
        <source>Only the certificates trusted by the system</source>
        <translation>Chỉ các chứng chỉ hệ thống tin cậy</translation>
    </message>
    <message>
        <source> days</source>
        <translation> ngày</translation>
    </message>
    <message>
        <source>Keep password</source>
        <translation>Lưu mật khẩu</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>The password store of this computer is available.</source>
        <translation>Kho mật khẩu của máy tính này sẵn sàng.</translation>
    </message>
    <message>
        <source>This computer has no password store: the password cannot be kept.</source>
        <translation>Máy tính này không có kho mật khẩu: không thể lưu mật khẩu.</translation>
    </message>
    <message>
        <source>The password store is locked: unlock it to keep or read the password.</source>
        <translation>Kho mật khẩu đang khóa: hãy mở khóa để lưu hoặc đọc mật khẩu.</translation>
    </message>
    <message>
        <source>Enter the user name first.</source>
        <translation>Hãy nhập tên đăng nhập trước.</translation>
    </message>
    <message>
        <source>Password kept in the password store.</source>
        <translation>Đã lưu mật khẩu vào kho mật khẩu.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>CommDesk — Policy communication</source>
        <translation>CommDesk — Truyền thông chính sách</translation>
    </message>
    <message>
        <source>Not connected to a sync server</source>
        <translation>Chưa kết nối máy chủ đồng bộ</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Sao lưu ngay</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;Khôi phục từ bản sao lưu…</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Cài đặt</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>Đ&amp;i tới</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Phím tắt</translation>
    </message>
    <message>
        <source>&amp;About CommDesk</source>
        <translation>&amp;Giới thiệu CommDesk</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Đang sao lưu…</translation>
    </message>
    <message>
        <source>Backed up to %1.</source>
        <translation>Đã sao lưu vào %1.</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sao lưu ngay</translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation>Sao lưu không thành công: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation><numerusform>%n thay đổi chờ đồng bộ</numerusform></translation>
    </message>
    <message>
        <source>CommDesk</source>
        <translation>CommDesk</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Lỗi ngoài dự kiến</translation>
    </message>
    <message>
        <source>Something went wrong: %1. Your data has not been changed.</source>
        <translation>Đã xảy ra lỗi: %1. Dữ liệu của bạn không bị thay đổi.</translation>
    </message>
</context>
<context>
    <name>MediaPage</name>
    <message>
        <source>Journalists</source>
        <translation>Nhà báo</translation>
    </message>
    <message>
        <source>Press agencies</source>
        <translation>Cơ quan báo chí</translation>
    </message>
    <message>
        <source>Awaiting answer</source>
        <translation>Chờ trả lời</translation>
    </message>
    <message>
        <source>Distribution lists</source>
        <translation>Danh sách gửi tin</translation>
    </message>
    <message>
        <source>Press releases</source>
        <translation>Thông cáo báo chí</translation>
    </message>
    <message>
        <source>Press relations</source>
        <translation>Quan hệ báo chí</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge two journalists</source>
        <translation>Gộp hai nhà báo</translation>
    </message>
    <message>
        <source>Choose the record to keep. Its values stay; empty fields are filled from the other; e-mails, phones and beats are combined. The history, invitations and list memberships of both are kept on the merged record, and the other record is deleted.</source>
        <translation>Chọn bản ghi được giữ lại. Giá trị của bản ghi này được giữ; trường còn trống lấy từ bản ghi kia; thư điện tử, điện thoại và lĩnh vực được gộp. Lịch sử làm việc, lời mời và danh sách của cả hai chuyển sang bản ghi được giữ, bản ghi kia bị xóa.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Gộp</translation>
    </message>
    <message>
        <source>Keep: %1</source>
        <translation>Giữ: %1</translation>
    </message>
</context>
<context>
    <name>MonitoringBackground</name>
    <message>
        <source>CommDesk — early warning</source>
        <translation>CommDesk — cảnh báo sớm</translation>
    </message>
</context>
<context>
    <name>MonitoringPage</name>
    <message>
        <source>Coverage log</source>
        <translation>Nhật ký tin bài</translation>
    </message>
    <message>
        <source>Proposed articles</source>
        <translation>Bài đề xuất</translation>
    </message>
    <message>
        <source>Feeds</source>
        <translation>Nguồn tin</translation>
    </message>
    <message>
        <source>Trends and warnings</source>
        <translation>Xu hướng và cảnh báo</translation>
    </message>
    <message>
        <source>Checking feeds…</source>
        <translation>Đang kiểm tra nguồn tin…</translation>
    </message>
    <message>
        <source>%1 feeds checked, %2 new articles proposed, %3 failed</source>
        <translation>Đã kiểm tra %1 nguồn tin, %2 bài mới được đề xuất, %3 nguồn lỗi</translation>
    </message>
</context>
<context>
    <name>MonthView</name>
    <message>
        <source>Mon</source>
        <translation>T2</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>T3</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>T4</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>T5</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>T6</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>T7</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>CN</translation>
    </message>
    <message>
        <source>Workday</source>
        <translation>Làm bù</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation><numerusform>+%n nữa</numerusform></translation>
    </message>
</context>
<context>
    <name>NewAgencyPrompt</name>
    <message>
        <source>New press agency</source>
        <translation>Cơ quan báo chí mới</translation>
    </message>
    <message>
        <source>Create press agency "{name}"?</source>
        <translation>Tạo cơ quan báo chí "{name}"?</translation>
    </message>
    <message>
        <source>It is not in the list yet. Choose its type and level; add the rest on the Agencies tab.</source>
        <translation>Cơ quan này chưa có trong danh sách. Chọn loại hình và cấp; các thông tin khác bổ sung ở thẻ Cơ quan báo chí.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại hình</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Cấp</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Tạo</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>OfficeDialog</name>
    <message>
        <source>Office details</source>
        <translation>Thông tin đơn vị</translation>
    </message>
    <message>
        <source>Tell CommDesk about your office. These details appear in report headers and can be changed later in Settings.</source>
        <translation>Hãy nhập thông tin về đơn vị. Các thông tin này xuất hiện ở phần đầu báo cáo và có thể sửa sau trong mục Cài đặt.</translation>
    </message>
</context>
<context>
    <name>OfficeForm</name>
    <message>
        <source>e.g. UBND-HN</source>
        <translation>ví dụ: UBND-HN</translation>
    </message>
    <message>
        <source>e.g. Văn phòng Ủy ban nhân dân tỉnh</source>
        <translation>ví dụ: Văn phòng Ủy ban nhân dân tỉnh</translation>
    </message>
    <message>
        <source>e.g. ỦY BAN NHÂN DÂN TỈNH ...</source>
        <translation>ví dụ: ỦY BAN NHÂN DÂN TỈNH ...</translation>
    </message>
    <message>
        <source>Office code</source>
        <translation>Mã đơn vị</translation>
    </message>
    <message>
        <source>Office name</source>
        <translation>Tên đơn vị</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Tỉnh/thành phố</translation>
    </message>
    <message>
        <source>Superior body</source>
        <translation>Cơ quan cấp trên</translation>
    </message>
    <message>
        <source>Place name (for the date line)</source>
        <translation>Địa danh (ghi ở dòng ngày tháng)</translation>
    </message>
    <message>
        <source>Document symbol</source>
        <translation>Ký hiệu văn bản</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <source>Signer's title</source>
        <translation>Chức vụ người ký</translation>
    </message>
    <message>
        <source>Report recipients</source>
        <translation>Nơi nhận báo cáo</translation>
    </message>
    <message>
        <source>Reporting period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
</context>
<context>
    <name>OfficeSection</name>
    <message>
        <source>How the office is named in report headers and document symbols. These details are shared with the other computers of the office through sync.</source>
        <translation>Tên đơn vị như ghi ở phần đầu báo cáo và ký hiệu văn bản. Các thông tin này được dùng chung với các máy tính khác của đơn vị qua đồng bộ.</translation>
    </message>
</context>
<context>
    <name>OutboxTab</name>
    <message>
        <source>New press release…</source>
        <translation>Thông cáo mới…</translation>
    </message>
    <message>
        <source>Send waiting messages now</source>
        <translation>Gửi ngay các thư đang chờ</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Gửi lại</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) waiting to be sent.</source>
        <translation><numerusform>%n thư đang chờ gửi.</numerusform></translation>
    </message>
    <message>
        <source>Nothing waiting.</source>
        <translation>Không có thư nào đang chờ.</translation>
    </message>
    <message>
        <source>Last attempt: %1</source>
        <translation>Lần thử gần nhất: %1</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>This workspace is not available in this version of CommDesk yet.</source>
        <translation>Phần việc này chưa có trong phiên bản CommDesk hiện tại.</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Lịch truyền thông</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>Thêm hoạt động</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <source>Previous period (in the agenda)</source>
        <translation>Kỳ trước (ở chế độ Danh sách)</translation>
    </message>
    <message>
        <source>Next period (in the agenda)</source>
        <translation>Kỳ sau (ở chế độ Danh sách)</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>Báo chí</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Nhân sự</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Kinh phí</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>Theo dõi báo chí</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>New record</source>
        <translation>Thêm bản ghi mới</translation>
    </message>
    <message>
        <source>Find (go to the search box)</source>
        <translation>Tìm (chuyển tới ô tìm kiếm)</translation>
    </message>
    <message>
        <source>Edit the selected record</source>
        <translation>Sửa bản ghi đang chọn</translation>
    </message>
    <message>
        <source>Edit the selected record (in the list)</source>
        <translation>Sửa bản ghi đang chọn (trong danh sách)</translation>
    </message>
    <message>
        <source>Delete the selected record (asks first)</source>
        <translation>Xóa bản ghi đang chọn (có hỏi lại)</translation>
    </message>
    <message>
        <source>Refresh the list</source>
        <translation>Làm mới danh sách</translation>
    </message>
</context>
<context>
    <name>PastReports</name>
    <message>
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Số văn bản</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Ngày ban hành</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Tất cả các năm</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Delete draft…</source>
        <translation>Xóa dự thảo…</translation>
    </message>
    <message>
        <source>No reports yet. Generate one and save it as a draft, or issue it.</source>
        <translation>Chưa có báo cáo nào. Hãy lập báo cáo rồi lưu dự thảo hoặc ban hành.</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Quarter %1/%2</source>
        <translation>Quý %1/%2</translation>
    </message>
    <message>
        <source>Year %1</source>
        <translation>Năm %1</translation>
    </message>
    <message>
        <source>Annual spokesperson report</source>
        <translation>Báo cáo phát ngôn năm</translation>
    </message>
    <message>
        <source>Quarterly report</source>
        <translation>Báo cáo quý</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Đã ban hành</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Dự thảo</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Xóa dự thảo</translation>
    </message>
    <message>
        <source>Delete the draft of %1? Its narrative is lost; the figures can be made again.</source>
        <translation>Xóa dự thảo báo cáo %1? Phần nội dung đã viết sẽ mất; số liệu có thể lập lại.</translation>
    </message>
</context>
<context>
    <name>PeopleTab</name>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>Authorised until</source>
        <translation>Ủy quyền đến ngày</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <source>Search by name (accents optional)…</source>
        <translation>Tìm theo tên (gõ có dấu hoặc không dấu)…</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>Tất cả vai trò</translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation><numerusform>%n người</numerusform></translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Thêm mới…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
</context>
<context>
    <name>PreferencesForm</name>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>Hoàn tác thay đổi</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
</context>
<context>
    <name>PressReleaseDialog</name>
    <message>
        <source>Send a press release</source>
        <translation>Gửi thông cáo báo chí</translation>
    </message>
    <message>
        <source>Attach files…</source>
        <translation>Đính kèm tệp…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Tệp đính kèm</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Danh sách</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Người nhận</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Gửi</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message numerus="yes">
        <source>%n journalist(s) chosen in the list</source>
        <translation><numerusform>%n nhà báo được chọn trong danh sách</numerusform></translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Đính kèm tệp</translation>
    </message>
    <message numerus="yes">
        <source>Leave out the %n journalist(s) pitched in the last %1 days</source>
        <translation><numerusform>Bỏ qua %n nhà báo đã được gợi ý đề tài trong %1 ngày qua</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s), one message each.</source>
        <translation><numerusform>%n người nhận, mỗi người một thư.</numerusform></translation>
    </message>
    <message>
        <source>Left out, do not contact: %1</source>
        <translation>Bỏ qua, không liên hệ: %1</translation>
    </message>
    <message>
        <source>Left out, no e-mail address: %1</source>
        <translation>Bỏ qua, không có địa chỉ thư: %1</translation>
    </message>
    <message>
        <source>Pitched in the last %1 days: %2</source>
        <translation>Đã được gợi ý đề tài trong %1 ngày qua: %2</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Bắt đầu</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Mới</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Cập nhật</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Bỏ qua</translation>
    </message>
</context>
<context>
    <name>ProposalsView</name>
    <message>
        <source>Published</source>
        <translation>Ngày đăng</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Cơ quan báo chí</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Chủ đề</translation>
    </message>
    <message>
        <source>Suggested tone</source>
        <translation>Sắc thái gợi ý</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Accept into the log</source>
        <translation>Nhận vào nhật ký</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Check feeds now</source>
        <translation>Kiểm tra nguồn tin ngay</translation>
    </message>
    <message>
        <source>Articles from the followed feeds that mention a policy topic's keywords. Accept the ones about the province; the tone is suggested and can be changed in the log.</source>
        <translation>Các bài từ nguồn tin đang theo dõi có nhắc đến từ khóa của một chủ đề chính sách. Hãy nhận những bài liên quan đến tỉnh; sắc thái do máy gợi ý và có thể sửa trong nhật ký.</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>%1 bài chờ duyệt</translation>
    </message>
</context>
<context>
    <name>QuestionsTab</name>
    <message>
        <source>Mark answered…</source>
        <translation>Đánh dấu đã trả lời…</translation>
    </message>
    <message>
        <source>Questions from the press are answered within 30 days (Press Law 2016, Art. 39). Log a question on the journalist's page; it stays here until it is answered.</source>
        <translation>Câu hỏi của báo chí phải được trả lời trong 30 ngày (Điều 39 Luật Báo chí 2016). Ghi nhận câu hỏi trên trang của nhà báo; câu hỏi nằm ở đây cho đến khi được trả lời.</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) awaiting an answer</source>
        <translation><numerusform>%n câu hỏi đang chờ trả lời</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation><numerusform>%n quá hạn</numerusform></translation>
    </message>
</context>
<context>
    <name>RecordChangedBar</name>
    <message>
        <source>Reload</source>
        <translation>Tải lại</translation>
    </message>
    <message>
        <source>Keep my edits</source>
        <translation>Giữ nội dung tôi sửa</translation>
    </message>
    <message>
        <source>Save as new</source>
        <translation>Lưu thành bản ghi mới</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>This record was changed by {who} at {when}.</source>
        <translation>Bản ghi này vừa được {who} thay đổi lúc {when}.</translation>
    </message>
    <message>
        <source>This record was deleted by {who} at {when}.</source>
        <translation>Bản ghi này đã bị {who} xóa lúc {when}.</translation>
    </message>
</context>
<context>
    <name>RecurrenceEditor</name>
    <message>
        <source>Does not repeat</source>
        <translation>Không lặp lại</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Hằng ngày</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Hằng tuần</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Hằng tháng</translation>
    </message>
    <message>
        <source>Quarterly</source>
        <translation>Hằng quý</translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation>Hằng năm</translation>
    </message>
    <message>
        <source>Custom rule (RFC 5545)</source>
        <translation>Quy tắc tùy chỉnh (RFC 5545)</translation>
    </message>
    <message>
        <source>every</source>
        <translation>mỗi</translation>
    </message>
    <message>
        <source>No end</source>
        <translation>Không kết thúc</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>Number of times</source>
        <translation>Số lần</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>T2</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>T3</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>T4</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>T5</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>T6</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>T7</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>CN</translation>
    </message>
    <message>
        <source>On day %1 (months without it are skipped)</source>
        <translation>Vào ngày %1 (bỏ qua tháng không có ngày này)</translation>
    </message>
    <message>
        <source>On the %1 %2</source>
        <translation>Vào %2 %1</translation>
    </message>
    <message>
        <source>On the last %1</source>
        <translation>Vào %1 cuối cùng</translation>
    </message>
    <message>
        <source>On the last day of the month</source>
        <translation>Vào ngày cuối tháng</translation>
    </message>
    <message>
        <source>On the last working day (Mon–Fri)</source>
        <translation>Vào ngày làm việc cuối cùng (T2–T6)</translation>
    </message>
    <message>
        <source>first</source>
        <translation>thứ nhất</translation>
    </message>
    <message>
        <source>second</source>
        <translation>thứ hai</translation>
    </message>
    <message>
        <source>third</source>
        <translation>thứ ba</translation>
    </message>
    <message>
        <source>fourth</source>
        <translation>thứ tư</translation>
    </message>
</context>
<context>
    <name>RefreshingTab</name>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Delete %1? This cannot be undone here.</source>
        <translation>Xóa %1? Thao tác này không hoàn tác được tại đây.</translation>
    </message>
</context>
<context>
    <name>RegisterTab</name>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Position, unit</source>
        <translation>Chức vụ, đơn vị</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Ngày quyết định</translation>
    </message>
    <message>
        <source>Published on</source>
        <translation>Ngày công bố</translation>
    </message>
    <message>
        <source>24-hour rule</source>
        <translation>Thời hạn 24 giờ</translation>
    </message>
    <message>
        <source>Deadline: %1</source>
        <translation>Hạn chót: %1</translation>
    </message>
    <message>
        <source>Authorisation</source>
        <translation>Hiệu lực ủy quyền</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Xuất PDF…</translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation>Xuất XLSX…</translation>
    </message>
    <message>
        <source>The exported register lists current spokespersons and authorised speakers, ready to publish on the portal; expired authorisations are left out.</source>
        <translation>Danh sách xuất ra gồm người phát ngôn và người được ủy quyền phát ngôn đang còn hiệu lực, sẵn sàng đăng trên cổng thông tin; các ủy quyền đã hết hạn không được đưa vào.</translation>
    </message>
    <message>
        <source>Published on time</source>
        <translation>Đã công bố đúng hạn</translation>
    </message>
    <message>
        <source>Published late</source>
        <translation>Đã công bố muộn</translation>
    </message>
    <message>
        <source>To publish</source>
        <translation>Cần công bố</translation>
    </message>
    <message>
        <source>Not published, overdue</source>
        <translation>Chưa công bố, quá hạn</translation>
    </message>
    <message>
        <source>No decision date</source>
        <translation>Chưa có ngày quyết định</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Còn hiệu lực</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>Sắp hết hạn</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Hết hiệu lực</translation>
    </message>
    <message>
        <source>Not yet in force</source>
        <translation>Chưa có hiệu lực</translation>
    </message>
    <message>
        <source>No term recorded</source>
        <translation>Chưa ghi thời hạn</translation>
    </message>
    <message numerus="yes">
        <source>%n spokesperson(s) and authorised speaker(s)</source>
        <translation><numerusform>%n người phát ngôn và người được ủy quyền phát ngôn</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n not published within 24 hours</source>
        <translation><numerusform>%n người chưa được công bố trong 24 giờ</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n authorisation(s) expired</source>
        <translation><numerusform>%n ủy quyền đã hết hiệu lực</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n expiring within 30 days</source>
        <translation><numerusform>%n ủy quyền hết hạn trong 30 ngày tới</numerusform></translation>
    </message>
    <message>
        <source>Export the spokesperson register</source>
        <translation>Xuất danh sách người phát ngôn</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Không xuất được</translation>
    </message>
    <message>
        <source>The register could not be saved: %1</source>
        <translation>Không lưu được danh sách: %1</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Coming up at %1</source>
        <translation>Sắp diễn ra lúc %1</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
    <message>
        <source>Past activities still open</source>
        <translation>Hoạt động đã qua chưa kết thúc</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>all day</source>
        <translation>cả ngày</translation>
    </message>
    <message>
        <source>Today and overdue</source>
        <translation>Hôm nay và quá hạn</translation>
    </message>
</context>
<context>
    <name>RemindersSection</name>
    <message>
        <source>How long before an activity starts CommDesk reminds you of it, unless the activity sets its own reminder.</source>
        <translation>CommDesk nhắc trước khi hoạt động bắt đầu bao lâu, trừ khi hoạt động đặt lời nhắc riêng.</translation>
    </message>
    <message>
        <source> min</source>
        <translation> phút</translation>
    </message>
</context>
<context>
    <name>ReportDefaultsSection</name>
    <message>
        <source>Used for every new report: who signs it, who receives it (one recipient per line) and how reporting periods are cut.</source>
        <translation>Dùng cho mọi báo cáo mới: người ký, nơi nhận (mỗi nơi nhận một dòng) và cách chia kỳ báo cáo.</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Quarterly report</source>
        <translation>Báo cáo quý</translation>
    </message>
    <message>
        <source>Annual spokesperson report</source>
        <translation>Báo cáo phát ngôn năm</translation>
    </message>
    <message>
        <source>Quarter %1</source>
        <translation>Quý %1</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quý</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Lập báo cáo</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Lưu PDF…</translation>
    </message>
    <message>
        <source>Save XLSX…</source>
        <translation>Lưu XLSX…</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Lưu dự thảo</translation>
    </message>
    <message>
        <source>Issue…</source>
        <translation>Ban hành…</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>given when issued, e.g. 12</source>
        <translation>cấp khi ban hành, ví dụ 12</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Số văn bản</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <source>Signer's title</source>
        <translation>Chức vụ người ký</translation>
    </message>
    <message>
        <source>VI. Assessment</source>
        <translation>VI. Đánh giá chung</translation>
    </message>
    <message>
        <source>VII. Next-quarter tasks</source>
        <translation>VII. Nhiệm vụ quý tới</translation>
    </message>
    <message>
        <source>VIII. Recommendations</source>
        <translation>VIII. Kiến nghị, đề xuất</translation>
    </message>
    <message>
        <source>Past reports</source>
        <translation>Báo cáo đã lập</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message>
        <source>Issued on %1 — figures frozen as issued (%2). SHA-256 %3</source>
        <translation>Đã ban hành ngày %1 — số liệu giữ nguyên như khi ban hành (%2). SHA-256 %3</translation>
    </message>
    <message>
        <source>Draft — figures recomputed from the data (%1).</source>
        <translation>Dự thảo — số liệu được tính lại từ dữ liệu (%1).</translation>
    </message>
    <message>
        <source>data changed: generate again</source>
        <translation>dữ liệu đã thay đổi: hãy lập lại báo cáo</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>The regenerated file differs from the issued one (checksum mismatch).</source>
        <translation>Tệp tạo lại khác với tệp đã ban hành (mã kiểm tra không khớp).</translation>
    </message>
    <message>
        <source>The report could not be made: %1</source>
        <translation>Không lập được báo cáo: %1</translation>
    </message>
    <message>
        <source>draft saved</source>
        <translation>đã lưu dự thảo</translation>
    </message>
    <message>
        <source>Enter the document number before issuing.</source>
        <translation>Hãy nhập số văn bản trước khi ban hành.</translation>
    </message>
    <message>
        <source>Issue the report</source>
        <translation>Ban hành báo cáo</translation>
    </message>
    <message>
        <source>Issue report No. %1? Its figures are frozen as they are now and it can no longer be edited.</source>
        <translation>Ban hành báo cáo số %1? Số liệu sẽ được giữ nguyên như hiện nay và báo cáo không sửa được nữa.</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>Không khởi động được máy in.</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Lưu PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save XLSX</source>
        <translation>Lưu XLSX</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Sổ tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>saved to %1</source>
        <translation>đã lưu vào %1</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Office</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Report defaults</source>
        <translation>Mặc định cho báo cáo</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Nhắc việc</translation>
    </message>
    <message>
        <source>Calendar and deadlines</source>
        <translation>Lịch và thời hạn</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Kinh phí</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Phím</translation>
    </message>
    <message>
        <source>In every list, Enter opens the selected item and typing in the search box filters as you type.</source>
        <translation>Trong mọi danh sách, Enter mở mục đang chọn; gõ vào ô tìm kiếm để lọc ngay khi gõ.</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <source>Staff member</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>New staff member</source>
        <translation>Thêm cán bộ</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>e.g. 15/QĐ-UBND</source>
        <translation>ví dụ: 15/QĐ-UBND</translation>
    </message>
    <message>
        <source>Decree 244/2026: a spokesperson's details are published on the portal within 24 hours.</source>
        <translation>Nghị định 244/2026: thông tin người phát ngôn phải được công bố trên cổng thông tin trong vòng 24 giờ.</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Assignment decision</source>
        <translation>Quyết định giao nhiệm vụ</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Ngày quyết định</translation>
    </message>
    <message>
        <source>Authorisation scope</source>
        <translation>Phạm vi ủy quyền</translation>
    </message>
    <message>
        <source>Authorised from</source>
        <translation>Ủy quyền từ ngày</translation>
    </message>
    <message>
        <source>Authorised until</source>
        <translation>Ủy quyền đến ngày</translation>
    </message>
    <message>
        <source>Official phone</source>
        <translation>Điện thoại công vụ</translation>
    </message>
    <message>
        <source>Official e-mail</source>
        <translation>Thư điện tử công vụ</translation>
    </message>
    <message>
        <source>Published on the portal</source>
        <translation>Ngày công bố trên cổng thông tin</translation>
    </message>
    <message>
        <source>Active from</source>
        <translation>Bắt đầu công tác</translation>
    </message>
    <message>
        <source>Active until</source>
        <translation>Kết thúc công tác</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Staff</source>
        <translation>Nhân sự</translation>
    </message>
    <message>
        <source>Spokespersons</source>
        <translation>Người phát ngôn</translation>
    </message>
    <message>
        <source>Units and focal points</source>
        <translation>Đơn vị và đầu mối</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Đào tạo, bồi dưỡng</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>Khối lượng công việc</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <source>Not connected to a sync server</source>
        <translation>Chưa kết nối máy chủ đồng bộ</translation>
    </message>
    <message>
        <source>Log in to the sync server on the Sync page or in Settings.</source>
        <translation>Đăng nhập máy chủ đồng bộ ở trang Đồng bộ hoặc trong Cài đặt.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>chưa bao giờ</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Đang đồng bộ…</translation>
    </message>
    <message>
        <source>Offline · last synced %1</source>
        <translation>Ngoại tuyến · đồng bộ lần cuối %1</translation>
    </message>
    <message>
        <source>Online · last synced %1</source>
        <translation>Trực tuyến · đồng bộ lần cuối %1</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to review</source>
        <translation><numerusform>%n xung đột cần xem</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused</source>
        <translation><numerusform>%n thay đổi bị từ chối</numerusform></translation>
    </message>
</context>
<context>
    <name>SyncMessages</name>
    <message>
        <source>Cannot reach the server. Check the address and the network connection.</source>
        <translation>Không kết nối được máy chủ. Hãy kiểm tra địa chỉ và kết nối mạng.</translation>
    </message>
    <message>
        <source>The server's certificate could not be verified. Check the address or choose the CA certificate file your IT staff gave you.</source>
        <translation>Không xác minh được chứng thư của máy chủ. Hãy kiểm tra địa chỉ hoặc chọn tệp chứng thư CA do bộ phận CNTT cung cấp.</translation>
    </message>
    <message>
        <source>Wrong user name or password, or this computer was signed out.</source>
        <translation>Sai tên đăng nhập hoặc mật khẩu, hoặc máy này đã bị đăng xuất.</translation>
    </message>
    <message>
        <source>Too many failed attempts. Wait 15 minutes and try again.</source>
        <translation>Đăng nhập sai quá nhiều lần. Hãy chờ 15 phút rồi thử lại.</translation>
    </message>
    <message>
        <source>This version of CommDesk and the server do not match. Ask IT to update; your changes are kept.</source>
        <translation>Phiên bản CommDesk này và máy chủ không khớp nhau. Hãy đề nghị bộ phận CNTT cập nhật; các thay đổi của anh/chị vẫn được giữ.</translation>
    </message>
    <message>
        <source>The server had a problem. Your changes are kept; sync will retry.</source>
        <translation>Máy chủ gặp sự cố. Các thay đổi vẫn được giữ; việc đồng bộ sẽ tự thử lại.</translation>
    </message>
    <message>
        <source>The server refused the request: %1</source>
        <translation>Máy chủ từ chối yêu cầu: %1</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>Lỗi không lường trước: %1</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Sync with the central server</source>
        <translation>Đồng bộ với máy chủ trung tâm</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Máy chủ</translation>
    </message>
    <message>
        <source>Last successful sync</source>
        <translation>Đồng bộ thành công gần nhất</translation>
    </message>
    <message>
        <source>Changes waiting</source>
        <translation>Thay đổi chờ gửi</translation>
    </message>
    <message>
        <source>Last problem</source>
        <translation>Sự cố gần nhất</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Xung đột</translation>
    </message>
    <message>
        <source>Refused changes</source>
        <translation>Thay đổi bị từ chối</translation>
    </message>
    <message>
        <source>Recent log</source>
        <translation>Nhật ký gần đây</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Kết nối</translation>
    </message>
    <message>
        <source>Keep the value in use</source>
        <translation>Giữ giá trị đang dùng</translation>
    </message>
    <message>
        <source>Restore the replaced value</source>
        <translation>Khôi phục giá trị bị thay thế</translation>
    </message>
    <message>
        <source>The same information was changed on two computers of the office. The value in use is the one every computer has now; the value it replaced is kept here so nothing is lost. Anyone in the office can settle it: keep the value in use, restore the replaced one, or write a combined value. The decision reaches every computer.</source>
        <translation>Cùng một thông tin đã được sửa trên hai máy của đơn vị. Giá trị đang dùng là giá trị mọi máy hiện có; giá trị bị thay thế được giữ lại ở đây để không mất gì. Bất kỳ ai trong đơn vị cũng có thể xử lý: giữ giá trị đang dùng, khôi phục giá trị bị thay thế, hoặc nhập một giá trị kết hợp. Quyết định được gửi tới mọi máy.</translation>
    </message>
    <message>
        <source>In use: %1
Replaced: %2

The value to keep:</source>
        <translation>Đang dùng: %1
Bị thay thế: %2

Giá trị cần giữ:</translation>
    </message>
    <message>
        <source>Edit merged…</source>
        <translation>Sửa thành giá trị kết hợp…</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Gửi lại</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Bỏ đi</translation>
    </message>
    <message>
        <source>Changes the server refused. They do not hold up the others. Send one again after the cause is fixed, or discard it to take the server's version.</source>
        <translation>Các thay đổi bị máy chủ từ chối. Chúng không làm chậm các thay đổi khác. Hãy gửi lại sau khi đã khắc phục nguyên nhân, hoặc bỏ đi để dùng bản trên máy chủ.</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Xung đột</translation>
    </message>
    <message>
        <source>Combined value</source>
        <translation>Giá trị kết hợp</translation>
    </message>
    <message>
        <source>That value cannot be read: %1</source>
        <translation>Không đọc được giá trị này: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) need your decision.</source>
        <translation><numerusform>%n xung đột cần anh/chị quyết định.</numerusform></translation>
    </message>
    <message>
        <source>not connected (see Connection)</source>
        <translation>chưa kết nối (xem Kết nối)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>chưa bao giờ</translation>
    </message>
    <message>
        <source>Synced: %1 sent, %2 received, %3 waiting.</source>
        <translation>Đã đồng bộ: gửi %1, nhận %2, còn chờ %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n new conflict(s).</source>
        <translation><numerusform>%n xung đột mới.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused.</source>
        <translation><numerusform>%n thay đổi bị từ chối.</numerusform></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Đang đồng bộ…</translation>
    </message>
</context>
<context>
    <name>Tile</name>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
</context>
<context>
    <name>TrainingDialog</name>
    <message>
        <source>Training record</source>
        <translation>Hồ sơ đào tạo</translation>
    </message>
    <message>
        <source>New training course</source>
        <translation>Thêm khóa đào tạo</translation>
    </message>
    <message>
        <source>Filter names…</source>
        <translation>Lọc theo tên…</translation>
    </message>
    <message>
        <source> h</source>
        <translation> giờ</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Người tham dự</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Khóa học</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Đơn vị tổ chức</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Ngày bắt đầu</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Ngày kết thúc</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Số giờ</translation>
    </message>
    <message>
        <source>Content area</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Chứng chỉ</translation>
    </message>
    <message>
        <source>Cost per person</source>
        <translation>Kinh phí mỗi người</translation>
    </message>
    <message>
        <source>Certificate expires</source>
        <translation>Chứng chỉ hết hạn</translation>
    </message>
</context>
<context>
    <name>TrainingTab</name>
    <message>
        <source>Start</source>
        <translation>Bắt đầu</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Khóa học</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Đơn vị tổ chức</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Số giờ</translation>
    </message>
    <message>
        <source>Content area</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Chứng chỉ</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Hết hạn</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kinh phí</translation>
    </message>
    <message>
        <source>Courses</source>
        <translation>Số khóa</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Hết hiệu lực</translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation>Sắp hết hạn</translation>
    </message>
    <message>
        <source>Hours per person</source>
        <translation>Số giờ mỗi người</translation>
    </message>
    <message>
        <source>Certificates expiring</source>
        <translation>Chứng chỉ sắp hết hạn</translation>
    </message>
    <message>
        <source>Training plan for the year</source>
        <translation>Kế hoạch đào tạo trong năm</translation>
    </message>
    <message>
        <source>New course…</source>
        <translation>Thêm khóa học…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>%1 hours of training, %2 people trained</source>
        <translation>%1 giờ đào tạo, %2 người được đào tạo</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Không có.</translation>
    </message>
    <message>
        <source>calendar</source>
        <translation>lịch</translation>
    </message>
    <message>
        <source>Training plan for %1</source>
        <translation>Kế hoạch đào tạo năm %1</translation>
    </message>
    <message>
        <source>Courses scheduled</source>
        <translation>Các khóa đã lên lịch</translation>
    </message>
    <message>
        <source>Certificates to renew</source>
        <translation>Chứng chỉ cần gia hạn</translation>
    </message>
    <message>
        <source>Spokespersons and dedicated staff with no training yet this year</source>
        <translation>Người phát ngôn và cán bộ chuyên trách chưa được đào tạo trong năm</translation>
    </message>
</context>
<context>
    <name>TrendsView</name>
    <message>
        <source>12 weeks</source>
        <translation>12 tuần</translation>
    </message>
    <message>
        <source>26 weeks</source>
        <translation>26 tuần</translation>
    </message>
    <message>
        <source>52 weeks</source>
        <translation>52 tuần</translation>
    </message>
    <message>
        <source>60 days</source>
        <translation>60 ngày</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Chủ đề</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Khoảng thời gian</translation>
    </message>
    <message>
        <source>Early warnings</source>
        <translation>Cảnh báo sớm</translation>
    </message>
    <message>
        <source>All coverage</source>
        <translation>Toàn bộ tin bài</translation>
    </message>
    <message>
        <source>No unusual rise of negative coverage in this period.</source>
        <translation>Không có đợt tăng bất thường của tin tiêu cực trong khoảng thời gian này.</translation>
    </message>
    <message>
        <source>+7 days</source>
        <translation>+7 ngày</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Số tin bài</translation>
    </message>
    <message>
        <source>Negative share (%)</source>
        <translation>Tỷ lệ tiêu cực (%)</translation>
    </message>
    <message>
        <source>Negative share</source>
        <translation>Tỷ lệ tiêu cực</translation>
    </message>
    <message>
        <source>Forecast, 80% range</source>
        <translation>Dự báo, khoảng 80%</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Dự báo</translation>
    </message>
    <message>
        <source>Coverage by tone — %1</source>
        <translation>Tin bài theo sắc thái — %1</translation>
    </message>
    <message>
        <source>Not enough recent coverage for a forecast.</source>
        <translation>Chưa đủ tin bài gần đây để dự báo.</translation>
    </message>
    <message>
        <source>Negative share expected over the next 7 days: %1% (80% range %2–%3%), about %4 articles.</source>
        <translation>Tỷ lệ tin tiêu cực dự báo trong 7 ngày tới: %1% (khoảng 80%: %2–%3%), khoảng %4 bài.</translation>
    </message>
    <message>
        <source>Test against the 14 days before: p = %1, robust z = %2; first day of the rise %3.</source>
        <translation>Kiểm định so với 14 ngày trước: p = %1, z bền vững = %2; ngày bắt đầu tăng %3.</translation>
    </message>
    <message>
        <source>Office activities from 3 days before to 3 days after</source>
        <translation>Hoạt động của cơ quan từ 3 ngày trước đến 3 ngày sau</translation>
    </message>
    <message>
        <source>Negative articles that day</source>
        <translation>Các bài tiêu cực ngày đó</translation>
    </message>
</context>
<context>
    <name>UnitDialog</name>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>New unit</source>
        <translation>Thêm đơn vị</translation>
    </message>
    <message>
        <source>— none yet —</source>
        <translation>— chưa có —</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Communication focal point</source>
        <translation>Đầu mối truyền thông</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>UnitsTab</name>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Communication focal point</source>
        <translation>Đầu mối truyền thông</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— chưa có —</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>New unit…</source>
        <translation>Thêm đơn vị…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Covered</source>
        <translation>Đã có đầu mối</translation>
    </message>
    <message>
        <source>Focal point no longer active</source>
        <translation>Đầu mối đã thôi công tác</translation>
    </message>
    <message>
        <source>No focal point</source>
        <translation>Chưa có đầu mối</translation>
    </message>
    <message>
        <source>Units with a communication focal point: %1 of %2</source>
        <translation>Đơn vị có đầu mối truyền thông: %1 / %2</translation>
    </message>
</context>
<context>
    <name>WeekHeader</name>
    <message>
        <source>Workday</source>
        <translation>Làm bù</translation>
    </message>
</context>
<context>
    <name>WeekView</name>
    <message>
        <source>Mon</source>
        <translation>T2</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>T3</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>T4</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>T5</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>T6</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>T7</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>CN</translation>
    </message>
</context>
<context>
    <name>WorkloadTab</name>
    <message>
        <source>Staff member</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>Quarter %1</source>
        <translation>Quý %1</translation>
    </message>
    <message>
        <source>Chaired %1, spokesperson at %2</source>
        <translation>Chủ trì %1, phát ngôn %2</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Tổng</translation>
    </message>
    <message>
        <source>Each quarter: activities chaired · activities as spokesperson, from the calendar (cancelled and postponed activities are not counted).</source>
        <translation>Mỗi quý: số hoạt động chủ trì · số hoạt động phát ngôn, lấy từ lịch (không tính hoạt động đã hủy hoặc hoãn).</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
</context>
<context>
    <name>_OfficeFieldsSection</name>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>Hoàn tác thay đổi</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
    <message>
        <source>The office details were changed by {who} at {when}.</source>
        <translation>Thông tin đơn vị vừa được {who} thay đổi lúc {when}.</translation>
    </message>
</context>
</TS>