"""Generated people: Vietnamese name syllables, foreign names by naming tradition, photographers,
and the titles, party ranks and military ranks of officials (none of them real)."""

from __future__ import annotations

SURNAMES = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trịnh Lương Đào "
    "Cao Mai Tạ Hà Lâm Thái Châu Trương Đoàn Vương Quách Lưu Kiều Triệu Khúc Mạc Nông Tống Lại "
    "Phùng Chu Giang Tô Văn La Thân Kim Lục"
).split()
MIDDLE_NAMES = (
    "Văn Thị Minh Thanh Quốc Đức Hữu Hoài Gia Xuân Thu Hồng Ngọc Anh Công Đình Trọng Tuấn Bá Khắc "
    "Mạnh Phúc Quang Kim Bình Hải Tiến Việt Thế Duy Lệ Mỹ Diệu Phương Như Tấn Chí Sỹ Huy Trung "
    "Vĩnh Tam Lưu Đăng Bảo Nhật Khánh Thái Hoàng"
).split()
# Written with the new tone placement; an article may switch to the old one (Hoà, Thuỷ), which
# the matching key folds back.
GIVEN_NAMES = (
    "Hùng Dũng Sơn Minh Trung Quang Lâm Giang Thành Hải Long Nam Phong Tuấn Hà Lan Hương Mai Thảo "
    "Vinh Khánh Hòa Thắng Toàn Tâm Nghĩa Cường Huy Đạt Bình Chính Túc Vũ Hiếu Phúc Thủy Ngân Hạnh "
    "Yến Trang Oanh Quân Tùng Kiên Hiển Thuận Lộc Tài Đức Trí Bảo An Khoa Nhân Hậu Hoàn Thịnh Tú "
    "Uyên Nga Huệ Loan Châu Quỳnh Thúy Hồng Ánh Liên Nhung Hoa Xuân Điệp Duyên Mẫn Vượng Khải Lợi "
    "Tiến Thọ Sang Quyết Dân Tuệ Hoạch Khuê Ngạn Thuý Lực Cảnh Đông Định Hiệp Luận Phụng Trà Nguyên"
).split()
PHOTOGRAPHER_NAMES = (
    "Thống Nhất", "Nhật Bắc", "Lâm Khánh", "Văn Điệp", "Doãn Tấn", "Phạm Kiên", "Tuấn Anh",
    "Quang Hòa", "Dương Giang", "Minh Đức", "An Đăng", "Trọng Đức", "Hải Nguyễn", "Đức Tám",
)

FOREIGN_NAMES = {
    "japan": (
        "Kenji Hiroshi Takeshi Yoshiro Akira Haruto Masato Shinji Yuko Keiko Naoko Emi".split(),
        "Tanaka Suzuki Watanabe Takahashi Kobayashi Yamamoto Nakamura Inoue Kimura Hayashi Mori".split(),
    ),
    "korea": (
        "Min-jun Ji-ho Seo-yeon Hyun-woo Jae-sung Dong-hyun Eun-ji Sung-min Young-soo".split(),
        "Park Lee Choi Jung Kang Yoon Jang Lim Han Shin Cho".split(),
    ),
    "sinitic": (
        "Nghị Cường Bình Kiến Hoa Đông Hải Vĩ Lượng Khiết Tuấn Chí Hồng Dương Quân".split(),
        "Vương Lý Trương Triệu Lưu Hoàng Dương Mã Tôn Tiêu Hà Lục".split(),
    ),
    "europe": (
        "Anna Maria Peter Thomas Michael Elena Jean Claire Hans Ingrid Lars Marco Sofia Karin "
        "Stefan Julia Pierre Matteo Astrid Henrik Lukas Nadia".split(),
        "Schmidt Müller Dubois Martin Rossi Bianchi Andersson Nielsen Kowalski Novak Horváth "
        "Lindqvist Janssen Moreau Fischer Weber Ricci Larsen Berg Kovač".split(),
    ),
    "anglo": (
        "John Sarah David Emily James Rebecca Andrew Catherine Mark Helen Daniel Louise".split(),
        "Smith Johnson Brown Taylor Wilson Clarke Walker Hughes Mitchell Bennett Foster".split(),
    ),
    "latin": (
        "Carlos Ana João Luis Gabriela Miguel Fernanda Diego Camila Alejandro Rosa".split(),
        "García Fernández Silva Santos Mendoza Reyes Morales Herrera Castillo Rojas Díaz".split(),
    ),
    "slavic": (
        "Ivan Olga Sergey Natalia Dmitry Alexei Tatiana Mikhail Irina Andrei".split(),
        "Ivanov Petrov Smirnov Volkov Kuznetsov Sokolov Popov Lebedev Morozov Pavlov".split(),
    ),
    "south_asia": (
        "Rajesh Priya Arjun Sunita Vikram Anil Kavita Sanjay Meera Rahul".split(),
        "Kumar Sharma Singh Patel Gupta Rao Verma Iyer Chowdhury Rahman".split(),
    ),
    "middle_east": (
        "Ahmed Fatima Omar Layla Khalid Youssef Mariam Hassan Karim Nour".split(),
        "Haddad Hassan Al-Sayed Mansour Khalil Nasser Farouk Aziz Saleh Hamdan".split(),
    ),
    "africa": (
        "Kwame Amina Joseph Grace Samuel Thandiwe Moses Fatou Ibrahim Nia".split(),
        "Mensah Okafor Dlamini Mwangi Diallo Banda Nkosi Traoré Mutua Adeyemi".split(),
    ),
    "sea": (
        "Somchai Siti Budi Ahmad Maria Jose Nur Somsak Dewi Rizal Aung Hla".split(),
        "Santoso Wijaya Abdullah Tan Lim Reyes Cruz Chaiyaporn Suksawat Rahman Win Thant".split(),
    ),
    "lao": (
        "Sonexay Saleumxay Bounthong Khamphao Phankham Thongsavanh Vilay Souphanh Kikeo".split(),
        "Siphandone Kommasith Chitmany Ernthavanh Viphavanh Keomany Phomvihane Sayasone".split(),
    ),
    "khmer": (
        "Sok Prak Chea Say Tea Men Keo Chhun Sar Neth".split(),
        "Sokhonn Chhum Banh Sophea Vanna Kimsour Samnang Dara Rithy Sothea".split(),
    ),
}

# (title as written, organization it names or None, whether a military rank may precede it)
VN_ROLES = (
    ("Chủ tịch nước", None, False),
    ("Phó Chủ tịch nước", None, False),
    ("Thủ tướng Chính phủ", "Chính phủ", False),
    ("Phó Thủ tướng Chính phủ", "Chính phủ", False),
    ("Chủ tịch Quốc hội", "Quốc hội", False),
    ("Phó Chủ tịch Quốc hội", "Quốc hội", False),
    ("Bộ trưởng Bộ Ngoại giao", "Bộ Ngoại giao", False),
    ("Thứ trưởng Bộ Ngoại giao", "Bộ Ngoại giao", False),
    ("Thứ trưởng Thường trực Bộ Ngoại giao", "Bộ Ngoại giao", False),
    ("Bộ trưởng Bộ Quốc phòng", "Bộ Quốc phòng", True),
    ("Thứ trưởng Bộ Quốc phòng", "Bộ Quốc phòng", True),
    ("Bộ trưởng Bộ Công an", "Bộ Công an", True),
    ("Thứ trưởng Bộ Công an", "Bộ Công an", True),
    ("Bộ trưởng Bộ Công Thương", "Bộ Công Thương", False),
    ("Bộ trưởng Bộ Tài chính", "Bộ Tài chính", False),
    ("Bộ trưởng Bộ Giáo dục và Đào tạo", "Bộ Giáo dục và Đào tạo", False),
    ("Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch", "Bộ Văn hóa, Thể thao và Du lịch", False),
    ("Bộ trưởng Bộ Nông nghiệp và Môi trường", "Bộ Nông nghiệp và Môi trường", False),
    ("Bộ trưởng Bộ Khoa học và Công nghệ", "Bộ Khoa học và Công nghệ", False),
    ("Trưởng Ban Đối ngoại Trung ương", "Ban Đối ngoại Trung ương", False),
    ("Phó Trưởng Ban Đối ngoại Trung ương", "Ban Đối ngoại Trung ương", False),
    ("Chủ nhiệm Ủy ban Đối ngoại của Quốc hội", "Ủy ban Đối ngoại của Quốc hội", False),
    ("Chủ nhiệm Văn phòng Chính phủ", "Văn phòng Chính phủ", False),
    ("Chánh Văn phòng Trung ương Đảng", "Văn phòng Trung ương Đảng", False),
    ("Chủ tịch Liên hiệp các tổ chức hữu nghị Việt Nam", "Liên hiệp các tổ chức hữu nghị Việt Nam", False),
    ("Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", False),
    ("Bí thư Thành ủy Hà Nội", "Thành ủy Hà Nội", False),
    ("Chủ tịch UBND Thành phố Hồ Chí Minh", "UBND Thành phố Hồ Chí Minh", False),
)
PARTY_RANKS = (
    ("Ủy viên Bộ Chính trị", "Bộ Chính trị"),
    ("Bí thư Trung ương Đảng", "Ban Chấp hành Trung ương Đảng"),
    ("Ủy viên Trung ương Đảng", "Ban Chấp hành Trung ương Đảng"),
)
MILITARY_RANKS = ("Đại tướng", "Thượng tướng", "Trung tướng")
FOREIGN_ROLES = (  # (title, organization it names, how later sentences refer to the person)
    ("Tổng thống {c}", None, "Tổng thống"),
    ("Thủ tướng {c}", None, "Thủ tướng"),
    ("Phó Thủ tướng {c}", None, "Phó Thủ tướng"),
    ("Bộ trưởng Ngoại giao {c}", "Bộ Ngoại giao {c}", "Bộ trưởng"),
    ("Ngoại trưởng {c}", "Bộ Ngoại giao {c}", "Ngoại trưởng"),
    ("Thứ trưởng Ngoại giao {c}", "Bộ Ngoại giao {c}", "Thứ trưởng"),
    ("Chủ tịch Quốc hội {c}", "Quốc hội {c}", "Chủ tịch Quốc hội"),
    ("Chủ tịch Hạ viện {c}", "Hạ viện {c}", "Chủ tịch Hạ viện"),
    ("Bộ trưởng Quốc phòng {c}", "Bộ Quốc phòng {c}", "Bộ trưởng"),
    ("Bộ trưởng Thương mại {c}", "Bộ Thương mại {c}", "Bộ trưởng"),
    ("Chủ tịch Hội hữu nghị {c} – Việt Nam", "Hội hữu nghị {c} – Việt Nam", "Chủ tịch"),
    ("Thống đốc Ngân hàng Trung ương {c}", "Ngân hàng Trung ương {c}", "Thống đốc"),
    ("Đại sứ {c} tại Việt Nam", None, "Đại sứ"),
    ("Đại sứ Đặc mệnh toàn quyền {c} tại Việt Nam", None, "Đại sứ"),
)
