"""Event vocabulary: venues, fields of cooperation, forums, agreements, the clause grammar of
article-specific details, outlets and the site chrome a page carries around an article."""

from __future__ import annotations

HANOI_VENUES = (
    "Phủ Chủ tịch", "Trụ sở Chính phủ", "Nhà Quốc hội", "trụ sở Trung ương Đảng",
    "Trụ sở Bộ Ngoại giao", "Nhà khách Chính phủ", "Trung tâm Hội nghị Quốc gia",
    "Học viện Ngoại giao", "Nhà khách Trung ương Đảng", "Trụ sở Bộ Quốc phòng",
)
TIMES_OF_DAY = ("sáng", "trưa", "chiều", "tối")
FIELDS = (
    "kinh tế", "thương mại", "đầu tư", "quốc phòng", "an ninh", "giáo dục", "đào tạo",
    "khoa học", "công nghệ", "đổi mới sáng tạo", "chuyển đổi số", "chuyển đổi xanh",
    "năng lượng tái tạo", "nông nghiệp", "y tế", "văn hóa", "du lịch", "lao động",
    "giao thông vận tải", "hàng không", "logistics", "tài chính", "ngân hàng",
    "ứng phó với biến đổi khí hậu", "phòng chống thiên tai", "hợp tác địa phương",
    "giao lưu nhân dân", "bán dẫn", "trí tuệ nhân tạo", "phát triển hạ tầng", "cảng biển",
    "dầu khí", "an ninh lương thực", "thủy sản", "dệt may", "điện tử", "khoáng sản chiến lược",
    "an ninh mạng", "quản lý nguồn nước", "y tế dự phòng", "phát triển nguồn nhân lực",
)
FORUMS = (
    "Liên hợp quốc", "ASEAN", "APEC", "Diễn đàn khu vực ASEAN (ARF)", "Hội nghị Cấp cao Đông Á",
    "Liên minh Nghị viện Thế giới (IPU)", "Phong trào Không liên kết", "Tổ chức Thương mại Thế giới",
    "Hội đồng Nhân quyền Liên hợp quốc", "Cộng đồng Pháp ngữ", "Ủy hội sông Mê Công quốc tế",
    "Diễn đàn Hợp tác Á – Âu (ASEM)", "G20", "Diễn đàn Kinh tế Thế giới",
)
AGREEMENTS = (
    "Hiệp định Đối tác Toàn diện và Tiến bộ xuyên Thái Bình Dương (CPTPP)",
    "Hiệp định Đối tác Kinh tế Toàn diện Khu vực (RCEP)",
    "Hiệp định Thương mại tự do Việt Nam – EU (EVFTA)",
    "Hiệp định bảo hộ đầu tư song phương",
    "Hiệp định tránh đánh thuế hai lần",
    "Bản ghi nhớ về hợp tác lao động",
)
DOC_REFS = (
    "Nghị quyết số 59 của Bộ Chính trị về hội nhập quốc tế trong tình hình mới",
    "Văn kiện Đại hội XIII của Đảng",
    "Kết luận của Tổng Bí thư tại Hội nghị Đối ngoại toàn quốc",
    "Chỉ thị số 25 của Ban Bí thư về đẩy mạnh và nâng tầm đối ngoại đa phương",
    "Nghị quyết Đại hội Đảng lần thứ XIII",
)
ISSUES = (
    "tình hình khu vực và quốc tế cùng quan tâm",
    "vấn đề Biển Đông",
    "hợp tác tiểu vùng Mê Công",
    "an ninh năng lượng và an ninh lương thực toàn cầu",
    "cạnh tranh chiến lược giữa các nước lớn",
    "tình hình bán đảo Triều Tiên",
    "xung đột tại Trung Đông",
    "cải cách Liên hợp quốc",
    "ứng phó với biến đổi khí hậu",
    "quản lý và sử dụng bền vững nguồn nước sông Mê Công",
)
VERBS_PROMOTE = (
    "thúc đẩy", "tăng cường", "mở rộng", "làm sâu sắc hơn", "nâng cao hiệu quả",
    "triển khai hiệu quả", "duy trì", "củng cố", "đẩy mạnh", "đa dạng hóa",
)
OBJECTS = (
    "trao đổi đoàn và tiếp xúc cấp cao", "các cơ chế hợp tác song phương",
    "hợp tác kinh tế, thương mại, đầu tư", "kết nối hai nền kinh tế",
    "hợp tác giữa các địa phương", "giao lưu nhân dân", "hợp tác quốc phòng, an ninh",
    "hợp tác trong các lĩnh vực mới nổi", "tin cậy chính trị", "hợp tác giáo dục, đào tạo",
    "các thỏa thuận đã ký kết", "khuôn khổ quan hệ song phương",
)
ADJECTIVES = (
    "tích cực", "hiệu quả", "thực chất", "sâu rộng", "toàn diện", "bền vững", "thiết thực",
    "tốt đẹp", "mạnh mẽ", "vững chắc",
)
# A small clause grammar: each article gets a few sentences of its own, as real reports carry
# details beyond their template.
DETAIL_OPENERS = (
    "Thời gian qua", "Trong năm {year}", "Từ đầu năm đến nay", "Trong nhiệm kỳ vừa qua",
    "Thời gian tới", "Trong giai đoạn {year}–{year2}", "Ngay sau chuyến thăm", "Tính đến tháng {month}/{year}",
    "Trong bối cảnh kinh tế thế giới nhiều biến động", "Bên lề hội nghị",
)
DETAIL_SUBJECTS = (
    "các doanh nghiệp hai nước", "hai bộ ngoại giao", "các địa phương của hai nước",
    "cộng đồng người Việt tại {c}", "các trường đại học hai nước", "lực lượng chức năng hai bên",
    "các tập đoàn lớn của {c}", "Đại sứ quán Việt Nam tại {c}", "các cơ quan báo chí hai nước",
    "Hội hữu nghị hai nước", "các nhà khoa học hai nước", "ngành hàng không hai nước",
    "các quỹ đầu tư của {c}", "nhiều tỉnh, thành phố của Việt Nam", "các hiệp hội ngành hàng",
)
DETAIL_VERBS = (
    "đã ký kết", "đang xúc tiến", "đã hoàn thành", "dự kiến triển khai", "tích cực thúc đẩy",
    "đã tổ chức", "cam kết hỗ trợ", "đã mở rộng", "đang nghiên cứu", "đã khởi động",
    "chủ động đề xuất", "phối hợp tổ chức",
)
DETAIL_OBJECTS = (
    "{n} thỏa thuận hợp tác về {f}", "chương trình học bổng cho {n} sinh viên",
    "đường bay thẳng mới giữa {cap} và Hà Nội", "dự án {f} trị giá {n} triệu USD",
    "tuần lễ văn hóa {c} tại Thành phố Hồ Chí Minh", "diễn đàn doanh nghiệp về {f}",
    "trung tâm nghiên cứu chung về {f}", "gói viện trợ {n} triệu USD cho {f}",
    "khóa đào tạo cho {n} cán bộ về {f}", "hội chợ thương mại với {n} gian hàng",
    "cơ chế tham vấn thường niên về {f}", "mạng lưới kết nối {n} doanh nghiệp",
    "chương trình trao đổi thanh niên", "dự án hợp tác {f} tại {p}",
)
DETAIL_PURPOSES = (
    "nhằm tạo đà cho quan hệ hai nước", "góp phần nâng cao đời sống người dân",
    "qua đó mở ra nhiều cơ hội mới", "với sự tham gia của hàng trăm đại biểu",
    "theo đúng tinh thần các thỏa thuận cấp cao", "đáp ứng nhu cầu ngày càng tăng của hai bên",
    "được dư luận hai nước đánh giá cao", "trên tinh thần cùng có lợi",
    "để sớm đưa các cam kết vào thực tiễn", "bất chấp những khó khăn do {issue}",
)
DETAIL_PLACES = (
    "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Quảng Ninh", "Bình Dương", "Hà Tĩnh", "Nghệ An",
    "Khánh Hòa", "Lào Cai", "Bắc Ninh", "Thái Nguyên", "Lâm Đồng", "Đồng Nai", "Kiên Giang",
)
SOURCES = ("TTXVN", "VGP", "Vietnam+", "Báo Quốc tế", "Báo Nhân Dân", "VOV", "Chinhphu.vn")
OUTLET_TAGS = ("(Chinhphu.vn)", "(Baohatinh.vn)", "(VOV)", "(Dân trí)", "(Báo Quốc tế)", "(PLO)", "(TG&VN)")
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
CHROME_LINES = (
    "Tin cùng chuyên mục", "Đọc thêm", "Chủ đề Chủ trương - Chính sách",
    "Tin mới Emagazine Truyền hình Podcast", "Chia sẻ", "Bình luận (0)",
    "Theo dõi chúng tôi trên Google News", "Tin liên quan", "Xem thêm", "Lên đầu trang",
    "In bài viết", "Gửi bài viết cho bạn bè", "Bản quyền © thuộc về Báo điện tử",
    "Ghi rõ nguồn khi phát hành lại thông tin từ website này.",
    "Trang chủ Chính trị Thời sự Thế giới Kinh tế Xã hội Văn hóa Thể thao",
    "Đường dây nóng: 0912 345 678 - Email: toasoan@baodientu.vn",
    "Giấy phép số 112/GP-BTTTT do Bộ Thông tin và Truyền thông cấp",
)
