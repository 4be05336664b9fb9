<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi">
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
    <message>
        <source>Office details, connection, e-mail, reminders, reports and language.</source>
        <translation>Thông tin đơn vị, kết nối, thư điện tử, nhắc việc, báo cáo và ngôn ngữ.</translation>
    </message>
</context>
</TS>