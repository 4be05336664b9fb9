<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi">
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
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>Đ&amp;i tới</translation>
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
        <source>What needs attention today: upcoming activities, overdue deadlines, compliance, budget and coverage alerts.</source>
        <translation>Những việc cần chú ý hôm nay: hoạt động sắp tới, hạn quá hạn, tuân thủ quy định, kinh phí và cảnh báo thông tin báo chí.</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Lịch truyền thông</translation>
    </message>
    <message>
        <source>Plan, schedule and track press conferences, releases, interviews, dialogues and emergency statements.</source>
        <translation>Lập kế hoạch, xếp lịch và theo dõi họp báo, thông cáo, phỏng vấn, đối thoại và phát ngôn khẩn cấp.</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>Báo chí</translation>
    </message>
    <message>
        <source>Press agencies, journalists, the history of work with each, distribution lists and press releases.</source>
        <translation>Cơ quan báo chí, nhà báo, lịch sử làm việc, danh sách gửi tin và thông cáo báo chí.</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Nhân sự</translation>
    </message>
    <message>
        <source>Spokespersons, dedicated and part-time officers, focal points and training.</source>
        <translation>Người phát ngôn, cán bộ chuyên trách và kiêm nhiệm, đầu mối và đào tạo.</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Kinh phí</translation>
    </message>
    <message>
        <source>Allocations by source and task, expenses, balances and monthly spending.</source>
        <translation>Dự toán theo nguồn và nhiệm vụ, khoản chi, số dư và chi tiêu hằng tháng.</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>Theo dõi báo chí</translation>
    </message>
    <message>
        <source>Press coverage with sentiment, trends and early warnings.</source>
        <translation>Tin bài báo chí, sắc thái, xu hướng và cảnh báo sớm.</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Quarterly and annual reports in the national administrative document format.</source>
        <translation>Báo cáo quý và năm theo thể thức văn bản hành chính.</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <source>Synchronisation with the central server, pending changes and conflicts.</source>
        <translation>Đồng bộ với máy chủ trung tâm, thay đổi chờ gửi và xung đột.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
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
        <source>Budget</source>
        <translation>Kinh phí</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sao lưu</translation>
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
</context>
</TS>