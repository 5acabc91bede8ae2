"""A synthetic corpus of Vietnamese foreign-affairs news with known duplicates.

Every article is drawn from a handful of event templates (courtesy calls, talks, phone calls,
working sessions, conferences, congratulatory messages, visits abroad), filled with generated
people (surname + middle + given syllables, never real officials), titles, organizations,
countries, dates, venues, figures, quotes, captions, bylines and site chrome. Each paragraph has
several phrasings and most slots draw from long lists, so unrelated articles share vocabulary and
sentence skeletons (the hard negatives of dedup) without being copies of each other.

A share of the documents (``dup_rate``) are copies of other articles, each with one edit type
(``EDIT_TYPES``); ``truth`` records for every file its cluster, its edit and the entities the text
contains, so dedup and extraction can be scored. Everything is drawn from one ``random.Random``
seeded by ``seed``: the same arguments give the same corpus, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

ARTICLE_KINDS = ("reception", "talks", "phone", "working", "conference", "congratulation", "visit", "delegation")
EDIT_TYPES = (
    "exact",
    "new-intro",
    "word-edits-2",
    "word-edits-5",
    "word-edits-10",
    "word-edits-20",
    "truncated-50",
    "truncated-70",
    "added-chrome",
)

# --- people -------------------------------------------------------------------------------------

_SURNAMES = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trịnh Lương Đào "
    "Cao Mai Tạ Hà Lâm Thái Châu Trương Đoàn Vương Quách Lưu Kiều Triệu Khúc Mạc Nông Tống Lại "
    "Phùng Chu Giang Tô Văn La Thân Kim Lục"
).split()
_MIDDLE_NAMES = (
    "Văn Thị Minh Thanh Quốc Đức Hữu Hoài Gia Xuân Thu Hồng Ngọc Anh Công Đình Trọng Tuấn Bá Khắc "
    "Mạnh Phúc Quang Kim Bình Hải Tiến Việt Thế Duy Lệ Mỹ Diệu Phương Như Tấn Chí Sỹ Huy Trung "
    "Vĩnh Tam Lưu Đăng Bảo Nhật Khánh Thái Hoàng"
).split()
# Written with the new tone placement; an article may switch to the old one (Hoà, Thuỷ), which
# the matching key folds back.
_GIVEN_NAMES = (
    "Hùng Dũng Sơn Minh Trung Quang Lâm Giang Thành Hải Long Nam Phong Tuấn Hà Lan Hương Mai Thảo "
    "Vinh Khánh Hòa Thắng Toàn Tâm Nghĩa Cường Huy Đạt Bình Chính Túc Vũ Hiếu Phúc Thủy Ngân Hạnh "
    "Yến Trang Oanh Quân Tùng Kiên Hiển Thuận Lộc Tài Đức Trí Bảo An Khoa Nhân Hậu Hoàn Thịnh Tú "
    "Uyên Nga Huệ Loan Châu Quỳnh Thúy Hồng Ánh Liên Nhung Hoa Xuân Điệp Duyên Mẫn Vượng Khải Lợi "
    "Tiến Thọ Sang Quyết Dân Tuệ Hoạch Khuê Ngạn Thuý Lực Cảnh Đông Định Hiệp Luận Phụng Trà Nguyên"
).split()
_PHOTOGRAPHER_NAMES = (
    "Thống Nhất", "Nhật Bắc", "Lâm Khánh", "Văn Điệp", "Doãn Tấn", "Phạm Kiên", "Tuấn Anh",
    "Quang Hòa", "Dương Giang", "Minh Đức", "An Đăng", "Trọng Đức", "Hải Nguyễn", "Đức Tám",
)

_FOREIGN_NAMES = {
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


@dataclass(frozen=True)
class Country:
    name: str
    capital: str
    names: str  # key of _FOREIGN_NAMES
    national_day: tuple[int, int, int]  # day, month, founding year
    relation: str
    relation_year: int


_COUNTRIES = tuple(
    Country(*row)
    for row in (
        ("Nhật Bản", "Tokyo", "japan", (11, 2, 1947), "Đối tác chiến lược toàn diện", 1973),
        ("Hàn Quốc", "Seoul", "korea", (3, 10, 1948), "Đối tác chiến lược toàn diện", 1992),
        ("Trung Quốc", "Bắc Kinh", "sinitic", (1, 10, 1949), "Đối tác hợp tác chiến lược toàn diện", 1950),
        ("Hoa Kỳ", "Washington D.C.", "anglo", (4, 7, 1776), "Đối tác chiến lược toàn diện", 1995),
        ("Liên bang Nga", "Moskva", "slavic", (12, 6, 1990), "Đối tác chiến lược toàn diện", 1950),
        ("Ấn Độ", "New Delhi", "south_asia", (26, 1, 1950), "Đối tác chiến lược toàn diện", 1972),
        ("Lào", "Viêng Chăn", "lao", (2, 12, 1975), "quan hệ hữu nghị vĩ đại, đoàn kết đặc biệt", 1962),
        ("Campuchia", "Phnôm Pênh", "khmer", (9, 11, 1953), "quan hệ láng giềng tốt đẹp, hữu nghị truyền thống", 1967),
        ("Thái Lan", "Bangkok", "sea", (5, 12, 1927), "Đối tác chiến lược tăng cường", 1976),
        ("Singapore", "Singapore", "sea", (9, 8, 1965), "Đối tác chiến lược toàn diện", 1973),
        ("Indonesia", "Jakarta", "sea", (17, 8, 1945), "Đối tác chiến lược toàn diện", 1955),
        ("Malaysia", "Kuala Lumpur", "sea", (31, 8, 1957), "Đối tác chiến lược toàn diện", 1973),
        ("Philippines", "Manila", "sea", (12, 6, 1898), "Đối tác chiến lược", 1976),
        ("Myanmar", "Nay Pyi Taw", "sea", (4, 1, 1948), "quan hệ hữu nghị truyền thống", 1975),
        ("Australia", "Canberra", "anglo", (26, 1, 1788), "Đối tác chiến lược toàn diện", 1973),
        ("New Zealand", "Wellington", "anglo", (6, 2, 1840), "Đối tác chiến lược toàn diện", 1975),
        ("Pháp", "Paris", "europe", (14, 7, 1789), "Đối tác chiến lược toàn diện", 1973),
        ("Đức", "Berlin", "europe", (3, 10, 1990), "Đối tác chiến lược", 1975),
        ("Anh", "London", "anglo", (21, 4, 1926), "Đối tác chiến lược toàn diện", 1973),
        ("Italy", "Rome", "europe", (2, 6, 1946), "Đối tác chiến lược", 1973),
        ("Tây Ban Nha", "Madrid", "europe", (12, 10, 1492), "Đối tác chiến lược", 1977),
        ("Hà Lan", "Amsterdam", "europe", (27, 4, 1967), "Đối tác toàn diện", 1973),
        ("Bỉ", "Brussels", "europe", (21, 7, 1831), "quan hệ hữu nghị", 1973),
        ("Thụy Điển", "Stockholm", "europe", (6, 6, 1523), "quan hệ hữu nghị truyền thống", 1969),
        ("Phần Lan", "Helsinki", "europe", (6, 12, 1917), "quan hệ hữu nghị", 1973),
        ("Đan Mạch", "Copenhagen", "europe", (5, 6, 1849), "Đối tác toàn diện", 1971),
        ("Ba Lan", "Warsaw", "slavic", (11, 11, 1918), "Đối tác toàn diện", 1950),
        ("Hungary", "Budapest", "europe", (20, 8, 1000), "Đối tác toàn diện", 1950),
        ("Cộng hòa Séc", "Praha", "slavic", (28, 10, 1918), "Đối tác toàn diện", 1950),
        ("Cuba", "La Habana", "latin", (1, 1, 1959), "quan hệ đoàn kết đặc biệt", 1960),
        ("Brazil", "Brasilia", "latin", (7, 9, 1822), "Đối tác chiến lược", 1989),
        ("Argentina", "Buenos Aires", "latin", (25, 5, 1810), "Đối tác toàn diện", 1973),
        ("Chile", "Santiago", "latin", (18, 9, 1810), "Đối tác toàn diện", 1971),
        ("Mexico", "Mexico City", "latin", (16, 9, 1810), "Đối tác toàn diện", 1975),
        ("Canada", "Ottawa", "anglo", (1, 7, 1867), "Đối tác toàn diện", 1973),
        ("Ai Cập", "Cairo", "middle_east", (23, 7, 1952), "quan hệ hữu nghị truyền thống", 1963),
        ("Nam Phi", "Pretoria", "africa", (27, 4, 1994), "Đối tác toàn diện", 1993),
        ("Nigeria", "Abuja", "africa", (1, 10, 1960), "quan hệ hữu nghị", 1976),
        ("Mozambique", "Maputo", "africa", (25, 6, 1975), "quan hệ hữu nghị truyền thống", 1975),
        ("Angola", "Luanda", "africa", (11, 11, 1975), "quan hệ hữu nghị truyền thống", 1975),
        ("Thổ Nhĩ Kỳ", "Ankara", "middle_east", (29, 10, 1923), "quan hệ hữu nghị", 1978),
        ("Saudi Arabia", "Riyadh", "middle_east", (23, 9, 1932), "quan hệ hữu nghị", 1999),
        ("Qatar", "Doha", "middle_east", (18, 12, 1878), "quan hệ hữu nghị", 1993),
        ("Các Tiểu vương quốc Arab Thống nhất", "Abu Dhabi", "middle_east", (2, 12, 1971), "Đối tác kinh tế toàn diện", 1993),
        ("Kazakhstan", "Astana", "slavic", (16, 12, 1991), "quan hệ hữu nghị truyền thống", 1992),
        ("Mông Cổ", "Ulan Bato", "slavic", (11, 7, 1921), "Đối tác toàn diện", 1954),
        ("Bangladesh", "Dhaka", "south_asia", (26, 3, 1971), "quan hệ hữu nghị", 1973),
        ("Sri Lanka", "Colombo", "south_asia", (4, 2, 1948), "quan hệ hữu nghị truyền thống", 1970),
        ("Pakistan", "Islamabad", "south_asia", (23, 3, 1940), "quan hệ hữu nghị", 1972),
        ("Brunei", "Bandar Seri Begawan", "sea", (23, 2, 1984), "Đối tác toàn diện", 1992),
        ("Timor-Leste", "Dili", "sea", (20, 5, 2002), "quan hệ hữu nghị", 2002),
        ("Belarus", "Minsk", "slavic", (3, 7, 1944), "quan hệ hữu nghị truyền thống", 1992),
        ("Venezuela", "Caracas", "latin", (5, 7, 1811), "Đối tác toàn diện", 1989),
        ("Algeria", "Algiers", "middle_east", (1, 11, 1954), "quan hệ hữu nghị truyền thống", 1962),
    )
)

# (title as written, organization it names or None, whether a military rank may precede it)
_VN_ROLES = (
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
_PARTY_RANKS = (
    ("Ủy viên Bộ Chính trị", "Bộ Chính trị"),
    ("Bí thư Trung ương Đảng", "Ban Chấp hành Trung ương Đảng"),
    ("Ủy viên Trung ương Đảng", "Ban Chấp hành Trung ương Đảng"),
)
_MILITARY_RANKS = ("Đại tướng", "Thượng tướng", "Trung tướng")
_FOREIGN_ROLES = (  # (title, organization it names, how later sentences refer to the person)
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

# --- event vocabulary ---------------------------------------------------------------------------

_HANOI_VENUES = (
    "Phủ Chủ tịch", "Trụ sở Chính phủ", "Nhà Quốc hội", "trụ sở Trung ương Đảng",
    "Trụ sở Bộ Ngoại giao", "Nhà khách Chính phủ", "Trung tâm Hội nghị Quốc gia",
    "Học viện Ngoại giao", "Nhà khách Trung ương Đảng", "Trụ sở Bộ Quốc phòng",
)
_TIMES_OF_DAY = ("sáng", "trưa", "chiều", "tối")
_FIELDS = (
    "kinh tế", "thương mại", "đầu tư", "quốc phòng", "an ninh", "giáo dục", "đào tạo",
    "khoa học", "công nghệ", "đổi mới sáng tạo", "chuyển đổi số", "chuyển đổi xanh",
    "năng lượng tái tạo", "nông nghiệp", "y tế", "văn hóa", "du lịch", "lao động",
    "giao thông vận tải", "hàng không", "logistics", "tài chính", "ngân hàng",
    "ứng phó với biến đổi khí hậu", "phòng chống thiên tai", "hợp tác địa phương",
    "giao lưu nhân dân", "bán dẫn", "trí tuệ nhân tạo", "phát triển hạ tầng", "cảng biển",
    "dầu khí", "an ninh lương thực", "thủy sản", "dệt may", "điện tử", "khoáng sản chiến lược",
    "an ninh mạng", "quản lý nguồn nước", "y tế dự phòng", "phát triển nguồn nhân lực",
)
_FORUMS = (
    "Liên hợp quốc", "ASEAN", "APEC", "Diễn đàn khu vực ASEAN (ARF)", "Hội nghị Cấp cao Đông Á",
    "Liên minh Nghị viện Thế giới (IPU)", "Phong trào Không liên kết", "Tổ chức Thương mại Thế giới",
    "Hội đồng Nhân quyền Liên hợp quốc", "Cộng đồng Pháp ngữ", "Ủy hội sông Mê Công quốc tế",
    "Diễn đàn Hợp tác Á – Âu (ASEM)", "G20", "Diễn đàn Kinh tế Thế giới",
)
_AGREEMENTS = (
    "Hiệp định Đối tác Toàn diện và Tiến bộ xuyên Thái Bình Dương (CPTPP)",
    "Hiệp định Đối tác Kinh tế Toàn diện Khu vực (RCEP)",
    "Hiệp định Thương mại tự do Việt Nam – EU (EVFTA)",
    "Hiệp định bảo hộ đầu tư song phương",
    "Hiệp định tránh đánh thuế hai lần",
    "Bản ghi nhớ về hợp tác lao động",
)
_DOC_REFS = (
    "Nghị quyết số 59 của Bộ Chính trị về hội nhập quốc tế trong tình hình mới",
    "Văn kiện Đại hội XIII của Đảng",
    "Kết luận của Tổng Bí thư tại Hội nghị Đối ngoại toàn quốc",
    "Chỉ thị số 25 của Ban Bí thư về đẩy mạnh và nâng tầm đối ngoại đa phương",
    "Nghị quyết Đại hội Đảng lần thứ XIII",
)
_ISSUES = (
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
_VERBS_PROMOTE = (
    "thúc đẩy", "tăng cường", "mở rộng", "làm sâu sắc hơn", "nâng cao hiệu quả",
    "triển khai hiệu quả", "duy trì", "củng cố", "đẩy mạnh", "đa dạng hóa",
)
_OBJECTS = (
    "trao đổi đoàn và tiếp xúc cấp cao", "các cơ chế hợp tác song phương",
    "hợp tác kinh tế, thương mại, đầu tư", "kết nối hai nền kinh tế",
    "hợp tác giữa các địa phương", "giao lưu nhân dân", "hợp tác quốc phòng, an ninh",
    "hợp tác trong các lĩnh vực mới nổi", "tin cậy chính trị", "hợp tác giáo dục, đào tạo",
    "các thỏa thuận đã ký kết", "khuôn khổ quan hệ song phương",
)
_ADJECTIVES = (
    "tích cực", "hiệu quả", "thực chất", "sâu rộng", "toàn diện", "bền vững", "thiết thực",
    "tốt đẹp", "mạnh mẽ", "vững chắc",
)
# A small clause grammar: each article gets a few sentences of its own, as real reports carry
# details beyond their template.
_DETAIL_OPENERS = (
    "Thời gian qua", "Trong năm {year}", "Từ đầu năm đến nay", "Trong nhiệm kỳ vừa qua",
    "Thời gian tới", "Trong giai đoạn {year}–{year2}", "Ngay sau chuyến thăm", "Tính đến tháng {month}/{year}",
    "Trong bối cảnh kinh tế thế giới nhiều biến động", "Bên lề hội nghị",
)
_DETAIL_SUBJECTS = (
    "các doanh nghiệp hai nước", "hai bộ ngoại giao", "các địa phương của hai nước",
    "cộng đồng người Việt tại {c}", "các trường đại học hai nước", "lực lượng chức năng hai bên",
    "các tập đoàn lớn của {c}", "Đại sứ quán Việt Nam tại {c}", "các cơ quan báo chí hai nước",
    "Hội hữu nghị hai nước", "các nhà khoa học hai nước", "ngành hàng không hai nước",
    "các quỹ đầu tư của {c}", "nhiều tỉnh, thành phố của Việt Nam", "các hiệp hội ngành hàng",
)
_DETAIL_VERBS = (
    "đã ký kết", "đang xúc tiến", "đã hoàn thành", "dự kiến triển khai", "tích cực thúc đẩy",
    "đã tổ chức", "cam kết hỗ trợ", "đã mở rộng", "đang nghiên cứu", "đã khởi động",
    "chủ động đề xuất", "phối hợp tổ chức",
)
_DETAIL_OBJECTS = (
    "{n} thỏa thuận hợp tác về {f}", "chương trình học bổng cho {n} sinh viên",
    "đường bay thẳng mới giữa {cap} và Hà Nội", "dự án {f} trị giá {n} triệu USD",
    "tuần lễ văn hóa {c} tại Thành phố Hồ Chí Minh", "diễn đàn doanh nghiệp về {f}",
    "trung tâm nghiên cứu chung về {f}", "gói viện trợ {n} triệu USD cho {f}",
    "khóa đào tạo cho {n} cán bộ về {f}", "hội chợ thương mại với {n} gian hàng",
    "cơ chế tham vấn thường niên về {f}", "mạng lưới kết nối {n} doanh nghiệp",
    "chương trình trao đổi thanh niên", "dự án hợp tác {f} tại {p}",
)
_DETAIL_PURPOSES = (
    "nhằm tạo đà cho quan hệ hai nước", "góp phần nâng cao đời sống người dân",
    "qua đó mở ra nhiều cơ hội mới", "với sự tham gia của hàng trăm đại biểu",
    "theo đúng tinh thần các thỏa thuận cấp cao", "đáp ứng nhu cầu ngày càng tăng của hai bên",
    "được dư luận hai nước đánh giá cao", "trên tinh thần cùng có lợi",
    "để sớm đưa các cam kết vào thực tiễn", "bất chấp những khó khăn do {issue}",
)
_DETAIL_PLACES = (
    "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Quảng Ninh", "Bình Dương", "Hà Tĩnh", "Nghệ An",
    "Khánh Hòa", "Lào Cai", "Bắc Ninh", "Thái Nguyên", "Lâm Đồng", "Đồng Nai", "Kiên Giang",
)
_SOURCES = ("TTXVN", "VGP", "Vietnam+", "Báo Quốc tế", "Báo Nhân Dân", "VOV", "Chinhphu.vn")
_OUTLET_TAGS = ("(Chinhphu.vn)", "(Baohatinh.vn)", "(VOV)", "(Dân trí)", "(Báo Quốc tế)", "(PLO)", "(TG&VN)")
_WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
_CHROME_LINES = (
    "Tin cùng chuyên mục", "Đọc thêm", "Chủ đề Chủ trương - Chính sách",
    "Tin mới Emagazine Truyền hình Podcast", "Chia sẻ", "Bình luận (0)",
    "Theo dõi chúng tôi trên Google News", "Tin liên quan", "Xem thêm", "Lên đầu trang",
    "In bài viết", "Gửi bài viết cho bạn bè", "Bản quyền © thuộc về Báo điện tử",
    "Ghi rõ nguồn khi phát hành lại thông tin từ website này.",
    "Trang chủ Chính trị Thời sự Thế giới Kinh tế Xã hội Văn hóa Thể thao",
    "Đường dây nóng: 0912 345 678 - Email: toasoan@baodientu.vn",
    "Giấy phép số 112/GP-BTTTT do Bộ Thông tin và Truyền thông cấp",
)
_EDIT_WORDS = (
    "các", "những", "này", "đó", "rất", "cũng", "đã", "đang", "sẽ", "vẫn", "luôn", "nhiều",
    "mới", "lớn", "chung", "hai", "bên", "nước", "hợp tác", "phát triển", "quan hệ", "tiếp tục",
    "thúc đẩy", "tăng cường", "quan trọng", "tích cực", "hiệu quả", "cho biết", "nhấn mạnh",
    "khẳng định", "đánh giá", "đề nghị", "mong muốn", "thời gian", "lĩnh vực", "khu vực",
    "quốc tế", "đối tác", "thực hiện", "triển khai", "hội nhập", "ổn định", "hòa bình",
    "chặt chẽ", "sâu sắc", "toàn diện", "bền vững", "thiết thực", "cụ thể", "cùng", "với",
)
# New-style (hoà) ↔ old-style (hòa) spellings an outlet may use; equal after match_key.
_TONE_STYLE = {"hòa": "hoà", "Hòa": "Hoà", "thủy": "thuỷ", "Thủy": "Thuỷ", "Thúy": "Thuý",
               "hóa": "hoá", "Ủy": "Uỷ", "ủy": "uỷ", "thỏa": "thoả", "khỏe": "khoẻ"}
_TONE_STYLE_PATTERN = re.compile("|".join(sorted(_TONE_STYLE, key=len, reverse=True)))


@dataclass
class Person:
    name: str
    titles: list[str]  # every title the article attaches, as written
    short_title: str  # how later sentences refer to the person


@dataclass
class Article:
    """One generated article and the entities its text contains."""

    lines: list[str] = field(default_factory=list)
    title: str | None = None
    published_date: str | None = None
    event_date_text: str | None = None
    event_date: str | None = None
    time_of_day: str | None = None
    location: str | None = None
    people: dict[str, list[str]] = field(default_factory=dict)
    organizations: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    author: str | None = None
    photo_credits: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)

    def mention(self, person: Person) -> str:
        self.people.setdefault(person.name, [])
        for title in person.titles:
            if title not in self.people[person.name]:
                self.people[person.name].append(title)
        return person.name

    def add_organization(self, name: str | None) -> None:
        if name and name not in self.organizations:
            self.organizations.append(name)

    def add_country(self, name: str) -> None:
        if name not in self.countries:
            self.countries.append(name)

    @property
    def text(self) -> str:
        return "\n\n".join(self.lines)


def _join_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " và " + items[-1]


class _ArticleWriter:
    """Draws one article; every choice comes from the shared ``rng``."""

    def __init__(self, rng: random.Random, headline_pool: list[str]):
        self.rng = rng
        self.headline_pool = headline_pool  # earlier headlines, for related-article chrome

    # -- entities --------------------------------------------------------------------------------

    def vietnamese_name(self) -> str:
        rng = self.rng
        middle = rng.sample(_MIDDLE_NAMES, rng.choice((1, 1, 1, 2)))
        return " ".join([rng.choice(_SURNAMES), *middle, rng.choice(_GIVEN_NAMES)])

    def foreign_name(self, country: Country) -> str:
        given, family = _FOREIGN_NAMES[country.names]
        if country.names == "sinitic":
            return self.rng.choice(family) + " " + " ".join(self.rng.sample(given, self.rng.choice((1, 2))))
        return f"{self.rng.choice(given)} {self.rng.choice(family)}"

    def vietnamese_official(self, article: Article, role: tuple | None = None) -> Person:
        rng = self.rng
        title, organization, military = role or rng.choice(_VN_ROLES)
        titles = []
        if military and rng.random() < 0.7:
            titles.append(rng.choice(_MILITARY_RANKS))
        if rng.random() < 0.45:
            rank, rank_org = rng.choice(_PARTY_RANKS)
            titles.append(rank)
            article.add_organization(rank_org)
        titles.append(title)
        article.add_organization(organization)
        return Person(self.vietnamese_name(), titles, title.split(" Bộ ")[0].split(" Ban ")[0])

    def foreign_official(self, article: Article, country: Country, ambassador: bool = False,
                         role: tuple | None = None) -> Person:
        roles = [role for role in _FOREIGN_ROLES if (role[2] == "Đại sứ") == ambassador]
        title, organization, short_title = role or self.rng.choice(roles)
        article.add_organization(organization.format(c=country.name) if organization else None)
        article.add_country(country.name)
        return Person(self.foreign_name(country), [title.format(c=country.name)], short_title)

    # -- dates -----------------------------------------------------------------------------------

    def event_date(self) -> dt.date:
        return dt.date(2019, 1, 1) + dt.timedelta(days=self.rng.randrange(7 * 365))

    def date_expression(self, article: Article, date: dt.date) -> str:
        rng = self.rng
        separator = rng.choice(("-", "/"))
        day_month = f"{date.day}{separator}{date.month}"
        if rng.random() < 0.15:
            article.event_date_text = f"Ngày {day_month}"
        else:
            time_of_day = rng.choice(_TIMES_OF_DAY)
            article.time_of_day = time_of_day
            article.event_date_text = time_of_day.capitalize() + rng.choice((" ", " ", " ngày ")) + day_month
        article.event_date = date.isoformat()
        return article.event_date_text

    def header(self, article: Article, date: dt.date) -> None:
        rng = self.rng
        published = date + dt.timedelta(days=rng.choice((0, 0, 0, 1)))
        style = rng.random()
        if style < 0.25:
            # glued to the first line, as the crawler that adds it writes it
            article.published_date = published.isoformat()
            article.lines[0] = f" date {published.isoformat()} {article.lines[0]}"
        elif style < 0.5:
            article.published_date = published.isoformat()
            hour, minute = rng.randrange(6, 23), rng.randrange(60)
            stamp = rng.choice((
                f"{_WEEKDAYS[published.weekday()]}, {published:%d/%m/%Y} - {hour:02d}:{minute:02d}",
                f"{published:%d/%m/%Y} {hour:02d}:{minute:02d} GMT+7",
                f"Cập nhật: {hour:02d}:{minute:02d} ngày {published:%d/%m/%Y}",
            ))
            article.lines.insert(0, stamp)

    # -- paragraphs ------------------------------------------------------------------------------

    def fields(self, low: int = 2, high: int = 5) -> str:
        return _join_list(self.rng.sample(_FIELDS, self.rng.randint(low, high)))

    def promote(self) -> str:
        return f"{self.rng.choice(_VERBS_PROMOTE)} {self.rng.choice(_OBJECTS)}"

    def figures(self, country: Country) -> str:
        rng = self.rng
        year = rng.randrange(2018, 2026)
        trade = f"{rng.randrange(1, 180)},{rng.randrange(10)}"
        growth = f"{rng.randrange(2, 40)},{rng.randrange(10)}"
        return rng.choice((
            f"kim ngạch thương mại song phương năm {year} đạt {trade} tỷ USD, tăng {growth}% so với năm trước",
            f"{country.name} hiện là nhà đầu tư lớn thứ {rng.randrange(2, 30)} tại Việt Nam với "
            f"{rng.randrange(40, 5000)} dự án, tổng vốn đăng ký hơn {rng.randrange(1, 80)} tỷ USD",
            f"trong {rng.randrange(5, 11)} tháng đầu năm {year}, thương mại hai chiều đạt {trade} tỷ USD",
            f"hiện có khoảng {rng.randrange(2, 400)}.000 người Việt Nam đang sinh sống, học tập và làm việc tại {country.name}",
            f"số lượt khách du lịch giữa hai nước năm {year} đạt hơn {rng.randrange(1, 50)}0.000 lượt",
        ))

    def quote(self, article: Article, country: Country) -> str:
        rng = self.rng
        text = rng.choice((
            f"{country.name} coi Việt Nam là đối tác quan trọng hàng đầu tại khu vực",
            f"Chúng tôi mong muốn cùng Việt Nam {self.promote()} trong thời gian tới",
            f"Hai nước cần {self.promote()}, vì lợi ích của nhân dân hai nước",
            "Quan hệ giữa hai nước chưa bao giờ tốt đẹp như hiện nay",
            f"Việt Nam luôn là người bạn tin cậy của {country.name}",
            f"Hợp tác trong lĩnh vực {rng.choice(_FIELDS)} còn nhiều dư địa để phát triển",
            f"{rng.choice(_ADJECTIVES).capitalize()}, chân thành và tin cậy",
        ))
        article.quotes.append(text)
        return text

    def caption(self, article: Article, description: str) -> str:
        rng = self.rng
        photographer = rng.choice(_PHOTOGRAPHER_NAMES)
        credit = rng.choice(("TTXVN", f"{photographer} – TTXVN", f"{photographer}/TTXVN",
                             f"VGP/{photographer}", "BNG", photographer))
        article.captions.append(description)
        article.photo_credits.append(credit)
        if "TTXVN" in credit:
            article.sources.append("TTXVN")
        elif credit.startswith("VGP"):
            article.sources.append("VGP")
        return rng.choice((f"{description} Ảnh: {credit}", f"{description} (Ảnh: {credit})"))

    def byline(self, article: Article) -> str | None:
        rng = self.rng
        style = rng.random()
        if style < 0.3:
            name = f"{rng.choice(_SURNAMES)} {rng.choice(_GIVEN_NAMES)}"
            article.author = name.upper()
            return article.author
        if style < 0.5:
            article.author = f"{rng.choice(_MIDDLE_NAMES)} {rng.choice(_GIVEN_NAMES)}"
            article.sources.append("TTXVN")
            return f"{article.author}/TTXVN"
        if style < 0.65:
            article.sources.extend(["TTXVN", "Vietnam+"])
            return "(TTXVN/Vietnam+)"
        if style < 0.75:
            article.author = rng.choice(("B.T.V", "P.V", "H.A", "N.H", "T.L"))
            article.sources.append("VGP")
            return f"{article.author} (Theo VGP)"
        return None

    def details(self, country: Country, count: int) -> str:
        """``count`` sentences from the clause grammar, specific to this article."""
        rng = self.rng
        sentences = []
        for _ in range(count):
            year = rng.randrange(2018, 2026)
            slots = {"year": year, "year2": year + rng.randrange(2, 6), "month": rng.randrange(1, 13),
                     "c": country.name, "cap": country.capital, "n": rng.randrange(2, 500),
                     "f": rng.choice(_FIELDS), "p": rng.choice(_DETAIL_PLACES), "issue": rng.choice(_ISSUES)}
            parts = [rng.choice(table).format(**slots) for table in
                     (_DETAIL_OPENERS, _DETAIL_SUBJECTS, _DETAIL_VERBS, _DETAIL_OBJECTS, _DETAIL_PURPOSES)]
            sentences.append(f"{parts[0]}, {parts[1]} {parts[2]} {parts[3]}, {parts[4]}.")
        return " ".join(sentences)

    def related_headline(self) -> str:
        return self.rng.choice(self.headline_pool) if self.headline_pool else "Tăng cường hợp tác song phương"

    def chrome(self, count: int) -> list[str]:
        lines = self.rng.sample(_CHROME_LINES, count)
        if self.rng.random() < 0.5:
            lines.insert(self.rng.randrange(len(lines) + 1), f"[{self.related_headline()}]")
        return lines

    # -- articles --------------------------------------------------------------------------------

    def article(self, kind: str | None = None) -> Article:
        rng = self.rng
        article = Article()
        kind = kind or rng.choice(ARTICLE_KINDS + ("reception",))  # courtesy calls are the commonest
        country = rng.choice(_COUNTRIES)
        date = self.event_date()
        article.add_country("Việt Nam")
        article.add_country(country.name)
        getattr(self, f"_{kind}")(article, country, date)
        self.decorate(article, dt.date.fromisoformat(article.event_date))
        return article

    def decorate(self, article: Article, date: dt.date) -> None:
        """Headline, header, sapo, captions, byline and chrome around the body paragraphs."""
        rng = self.rng
        if article.title and rng.random() < 0.35:
            article.title = None
        if article.title:
            self.headline_pool.append(article.title)
        if rng.random() < 0.25:
            tag = rng.choice(_OUTLET_TAGS)
            article.lines.insert(0, f"{tag} - {article.lines[0]}")
            del article.lines[1]
        for _ in range(rng.choice((0, 1, 1, 2))):
            position = rng.randrange(1, len(article.lines) + 1)
            people = list(article.people)
            subject = rng.choice(people) if people else "Đại biểu"
            description = rng.choice((
                f"{subject} phát biểu.", "Quang cảnh buổi làm việc.", "Toàn cảnh hội nghị.",
                f"{subject} và các đại biểu chụp ảnh chung.", f"Quang cảnh buổi {rng.choice(('tiếp', 'hội đàm', 'hội kiến'))}.",
                f"{subject} tại buổi {rng.choice(('tiếp', 'làm việc', 'hội đàm'))}.",
            ))
            article.lines.insert(position, self.caption(article, description))
        byline = self.byline(article)
        if byline:
            article.lines.append(byline)
        if rng.random() < 0.3:
            article.lines.extend(self.chrome(rng.randint(1, 3)))
        self.header(article, date)
        if article.title:
            article.lines.insert(0, article.title)
        article.sources = list(dict.fromkeys(article.sources))

    def lead(self, article: Article, date: dt.date, venue: str, action: str) -> str:
        when = self.date_expression(article, date)
        article.location = venue
        return f"{when}, tại {venue}, {action}"

    def _welcome(self, host: Person, guest: Person, country: Country, event_noun: str) -> str:
        rng = self.rng
        return rng.choice((
            f"{host.short_title} {host.name} nhiệt liệt chào mừng {guest.short_title} {guest.name}; "
            f"đánh giá cao những đóng góp {rng.choice(_ADJECTIVES)} của {guest.short_title} đối với "
            f"quan hệ Việt Nam – {country.name} thời gian qua.",
            f"Tại {event_noun}, {host.short_title} {host.name} khẳng định Việt Nam luôn coi trọng "
            f"{country.relation} với {country.name}, coi {country.name} là đối tác {rng.choice(('quan trọng', 'ưu tiên', 'hàng đầu'))} "
            f"trong chính sách đối ngoại của mình.",
            f"{host.short_title} {host.name} bày tỏ vui mừng được gặp {guest.short_title} {guest.name}, "
            f"nhấn mạnh quan hệ {country.relation} giữa hai nước đang phát triển {rng.choice(_ADJECTIVES)}, "
            f"{rng.choice(_ADJECTIVES)} trên nhiều lĩnh vực.",
            f"Mở đầu {event_noun}, {host.short_title} {host.name} chúc mừng {guest.short_title} {guest.name} "
            f"{rng.choice(('nhận nhiệm vụ mới', 'hoàn thành tốt nhiệm kỳ công tác', 'có chuyến thăm thành công'))}, "
            f"đánh giá cao vai trò của {guest.short_title} trong thúc đẩy hợp tác {self.fields(1, 2)}.",
        ))

    def _relations(self, host: Person, country: Country) -> str:
        rng = self.rng
        opening = rng.choice((
            "Điểm lại những kết quả hợp tác thời gian qua,",
            "Đánh giá cao kết quả hợp tác giữa hai nước,",
            "Thông tin về tình hình hợp tác song phương,",
            "Chia sẻ về những thành tựu đạt được,",
        ))
        return (f"{opening} {host.short_title} {host.name} cho biết {self.figures(country)}; "
                f"{rng.choice(('đồng thời', 'bên cạnh đó', 'ngoài ra'))}, {self.figures(country)}.")

    def _background(self, country: Country) -> str:
        rng = self.rng
        since = rng.randrange(country.relation_year + 10, 2025)
        return (f"Việt Nam và {country.name} thiết lập quan hệ ngoại giao năm {country.relation_year}"
                f"{rng.choice(('', f' và nâng cấp quan hệ năm {since}'))}. "
                f"{rng.choice(('Thời gian qua', 'Trong những năm gần đây', 'Sau hơn ' + str(2025 - country.relation_year) + ' năm'))}, "
                f"{country.relation} giữa hai nước {rng.choice(('không ngừng được củng cố', 'phát triển mạnh mẽ', 'ngày càng đi vào chiều sâu'))}; "
                f"hai bên duy trì {rng.randrange(3, 12)} cơ chế đối thoại, tham vấn, trong đó có "
                f"{rng.choice(('Đối thoại Chiến lược', 'Tham khảo chính trị cấp Thứ trưởng Ngoại giao', 'Ủy ban liên Chính phủ', 'Đối thoại Chính sách Quốc phòng'))}; "
                f"hợp tác trong các lĩnh vực {self.fields(2, 4)} đạt nhiều kết quả {rng.choice(_ADJECTIVES)}.")

    def _economy(self, host: Person, country: Country) -> str:
        rng = self.rng
        sectors = rng.sample(_FIELDS, 3)
        return (f"Về hợp tác kinh tế, {host.short_title} {host.name} đề nghị {country.name} "
                f"{rng.choice(('tạo điều kiện thuận lợi', 'tiếp tục mở cửa thị trường', 'sớm hoàn tất thủ tục'))} "
                f"cho hàng hóa Việt Nam, nhất là các mặt hàng {rng.choice(('nông sản', 'thủy sản', 'dệt may', 'điện tử', 'trái cây'))}; "
                f"khuyến khích doanh nghiệp {country.name} đầu tư vào {sectors[0]}, {sectors[1]} và {sectors[2]}; "
                f"{rng.choice(_VERBS_PROMOTE)} hợp tác {rng.choice(('tài chính', 'phát triển', 'kỹ thuật'))} thông qua "
                f"{rng.choice(('nguồn vốn ODA', 'các dự án hạ tầng quy mô lớn', 'các chương trình hỗ trợ kỹ thuật', 'các quỹ đầu tư'))}, "
                f"góp phần đưa quan hệ kinh tế tương xứng với {rng.choice(('tiềm năng', 'quan hệ chính trị tốt đẹp', 'khuôn khổ quan hệ'))} giữa hai nước.")

    def _proposals(self, speaker: Person) -> str:
        rng = self.rng
        verb = rng.choice(("đề nghị", "đề xuất", "mong muốn", "nhất trí"))
        return (f"{speaker.short_title} {speaker.name} {verb} hai bên tiếp tục {self.promote()}; "
                f"{rng.choice(_VERBS_PROMOTE)} hợp tác trong các lĩnh vực {self.fields()}; "
                f"{rng.choice(('phối hợp', 'tạo điều kiện', 'khuyến khích doanh nghiệp'))} "
                f"{rng.choice(('triển khai hiệu quả', 'sớm hoàn tất', 'tận dụng tốt'))} "
                f"{rng.choice(_AGREEMENTS)}.")

    def _guest_reply(self, article: Article, guest: Person, host: Person, country: Country) -> str:
        rng = self.rng
        reply = (f"Về phần mình, {guest.short_title} {guest.name} cảm ơn {host.short_title} {host.name} "
                 f"đã dành thời gian tiếp, {rng.choice(('khẳng định', 'nhấn mạnh', 'cho biết'))} "
                 f"{country.name} {rng.choice(('coi trọng', 'mong muốn tăng cường', 'đánh giá cao'))} "
                 f"quan hệ với Việt Nam và sẽ {self.promote()}.")
        if rng.random() < 0.6:
            reply += f" “{self.quote(article, country)}”, {guest.short_title} {guest.name} nói."
        return reply

    def _issues(self) -> str:
        rng = self.rng
        return (f"Hai bên cũng trao đổi về {rng.choice(_ISSUES)}; nhất trí tiếp tục phối hợp chặt chẽ, "
                f"ủng hộ lẫn nhau tại {_join_list(rng.sample(_FORUMS, rng.randint(1, 3)))}"
                + rng.choice((
                    "; khẳng định tầm quan trọng của việc giải quyết tranh chấp bằng biện pháp hòa bình, "
                    "trên cơ sở luật pháp quốc tế, trong đó có Công ước Liên hợp quốc về Luật Biển năm 1982 (UNCLOS).",
                    ".",
                    " và các diễn đàn đa phương khác.",
                )))

    def _attendees(self, article: Article, event_noun: str) -> str:
        people = [self.vietnamese_official(article) for _ in range(self.rng.randint(1, 3))]
        listed = [f"{', '.join(p.titles)} {article.mention(p)}" for p in people]
        return f"Tham dự {event_noun} có {'; '.join(listed)}."

    def _closing(self, host: Person, guest: Person, country: Country) -> str:
        rng = self.rng
        return rng.choice((
            f"Nhân dịp này, {host.short_title} {host.name} gửi lời thăm hỏi trân trọng tới lãnh đạo "
            f"{country.name} và mời {rng.choice(('lãnh đạo', 'Thủ tướng', 'Tổng thống'))} {country.name} "
            f"sớm thăm Việt Nam; {guest.short_title} {guest.name} vui vẻ nhận lời chuyển lời mời.",
            f"{host.short_title} {host.name} tin tưởng rằng với {rng.choice(('tình cảm', 'tâm huyết', 'kinh nghiệm'))} "
            f"của mình, {guest.short_title} {guest.name} sẽ tiếp tục là cầu nối quan trọng, góp phần "
            f"{self.promote()} giữa hai nước.",
            f"Năm {rng.randrange(2019, 2026)} đánh dấu {rng.randrange(30, 76)} năm thiết lập quan hệ ngoại giao "
            f"Việt Nam – {country.name} ({country.relation_year}), là dịp để hai bên nhìn lại chặng đường hợp tác "
            f"và {self.promote()}.",
            f"Hai bên nhất trí giao các bộ, ngành liên quan sớm cụ thể hóa các thỏa thuận đạt được, "
            f"{rng.choice(('phấn đấu', 'hướng tới', 'nỗ lực'))} đưa kim ngạch thương mại song phương "
            f"lên {rng.randrange(5, 200)} tỷ USD trong thời gian tới.",
        ))

    def _body(self, article: Article, host: Person, guest: Person, country: Country,
              event_noun: str) -> None:
        rng = self.rng
        middle = [self._welcome(host, guest, country, event_noun), self._relations(host, country),
                  self._proposals(host), self._guest_reply(article, guest, host, country)]
        if rng.random() < 0.6:
            middle.insert(3, self._economy(host, country))
        if rng.random() < 0.6:
            middle.insert(1, self._background(country))
        if rng.random() < 0.5:
            middle.append(self._proposals(guest))
        if rng.random() < 0.6:
            middle.append(self._issues())
        if rng.random() < 0.5:
            middle.insert(rng.randrange(len(middle) + 1), self._attendees(article, event_noun))
        if rng.random() < 0.3:
            middle.insert(2, f"{host.short_title} {host.name} nhấn mạnh, thực hiện {rng.choice(_DOC_REFS)}, "
                             f"Việt Nam kiên định đường lối đối ngoại độc lập, tự chủ, hòa bình, hợp tác và phát triển, "
                             f"đa phương hóa, đa dạng hóa quan hệ.")
        keep = rng.randint(max(3, len(middle) - 1), len(middle))
        middle = middle[:keep]
        for _ in range(rng.randint(1, 3)):
            position = rng.randrange(1, len(middle) + 1)
            middle.insert(position, self.details(country, rng.randint(1, 3)))
        article.lines.extend(middle)
        article.lines.append(self._closing(host, guest, country))

    def _reception(self, article: Article, country: Country, date: dt.date) -> None:
        rng = self.rng
        host = self.vietnamese_official(article)
        guest = self.foreign_official(article, country, ambassador=rng.random() < 0.6)
        purpose = rng.choice(("đến chào xã giao", "đến chào từ biệt nhân dịp kết thúc nhiệm kỳ công tác",
                              "đang có chuyến thăm và làm việc tại Việt Nam", "đến trình bản sao Thư ủy nhiệm"))
        action = (f"{', '.join(host.titles)} {article.mention(host)} đã tiếp "
                  f"{guest.titles[0]} {article.mention(guest)} {purpose}.")
        article.lines.append(self.lead(article, date, rng.choice(_HANOI_VENUES), action))
        article.title = f"{host.short_title} {host.name} tiếp {guest.titles[0]}"
        self._body(article, host, guest, country, "buổi tiếp")

    def _talks(self, article: Article, country: Country, date: dt.date) -> None:
        rng = self.rng
        host = self.vietnamese_official(article, rng.choice(_VN_ROLES[:8]))
        guest = self.foreign_official(article, country)
        end = date + dt.timedelta(days=rng.randrange(1, 4))
        action = (f"ngay sau lễ đón chính thức, {', '.join(host.titles)} {article.mention(host)} đã hội đàm với "
                  f"{guest.titles[0]} {article.mention(guest)} nhân dịp {guest.short_title} thăm chính thức "
                  f"Việt Nam từ ngày {date.day}-{end.day}/{date.month}.")
        article.lines.append(self.lead(article, date, rng.choice(_HANOI_VENUES[:3]), action))
        article.title = rng.choice((f"Việt Nam – {country.name} tăng cường hợp tác {self.fields(1, 2)}",
                                    f"{host.short_title} {host.name} hội đàm với {guest.titles[0]}"))
        self._body(article, host, guest, country, "hội đàm")
        if rng.random() < 0.6:
            article.lines.append(f"Sau hội đàm, hai bên đã chứng kiến lễ ký kết {rng.randrange(2, 15)} văn kiện "
                                 f"hợp tác trong các lĩnh vực {self.fields()}.")

    def _phone(self, article: Article, country: Country, date: dt.date) -> None:
        rng = self.rng
        host = self.vietnamese_official(article, rng.choice(_VN_ROLES[:8]))
        guest = self.foreign_official(article, country)
        when = self.date_expression(article, date)
        article.lines.append(f"{when}, {', '.join(host.titles)} {article.mention(host)} đã "
                             f"{rng.choice(('điện đàm', 'có cuộc điện đàm', 'hội đàm trực tuyến'))} với "
                             f"{guest.titles[0]} {article.mention(guest)}.")
        article.title = f"{host.short_title} {host.name} điện đàm với {guest.titles[0]}"
        self._body(article, host, guest, country, "cuộc điện đàm")

    def _visit(self, article: Article, country: Country, date: dt.date) -> None:
        rng = self.rng
        host = self.vietnamese_official(article, rng.choice(_VN_ROLES[:9]))
        guest = self.foreign_official(article, country)
        when = self.date_expression(article, date)
        article.location = f"thủ đô {country.capital}"
        article.lines.append(
            f"Trong khuôn khổ chuyến thăm chính thức {country.name}, {when.lower() if when[0] != 'N' else when} "
            f"(giờ địa phương), tại {article.location}, {', '.join(host.titles)} {article.mention(host)} "
            f"đã {rng.choice(('hội kiến', 'hội đàm với', 'gặp'))} {guest.titles[0]} {article.mention(guest)}.")
        article.title = f"{host.short_title} {host.name} thăm chính thức {country.name}"
        self._body(article, host, guest, country, "cuộc gặp")

    def _delegation(self, article: Article, country: Country, date: dt.date) -> None:
        rng = self.rng
        host = self.vietnamese_official(article)
        guest = self.foreign_official(article, country)
        action = (f"{', '.join(host.titles)} {article.mention(host)} đã tiếp Đoàn đại biểu {country.name} "
                  f"do {guest.titles[0]} {article.mention(guest)} dẫn đầu đang thăm và làm việc tại Việt Nam.")
        article.lines.append(self.lead(article, date, rng.choice(_HANOI_VENUES), action))
        article.title = f"Tăng cường {rng.choice(_OBJECTS)} Việt Nam – {country.name}"
        self._body(article, host, guest, country, "buổi tiếp")

    def _working(self, article: Article, country: Country, date: dt.date) -> None:
        rng = self.rng
        host = self.vietnamese_official(article, rng.choice(_VN_ROLES[2:4]))
        minister = self.vietnamese_official(article, rng.choice(_VN_ROLES[6:20]))
        organization = article.organizations[-1]
        action = (f"{', '.join(host.titles)} {article.mention(host)} đã có buổi làm việc với {organization} "
                  f"về triển khai công tác đối ngoại năm {date.year}.")
        article.lines.append(self.lead(article, date, rng.choice(_HANOI_VENUES), action))
        article.title = f"{host.short_title} {host.name} làm việc với {organization}"
        article.lines.append(
            f"Báo cáo tại buổi làm việc, {', '.join(minister.titles)} {article.mention(minister)} cho biết "
            f"năm qua, {organization} đã {rng.choice(('chủ động', 'tích cực', 'kịp thời'))} tham mưu, triển khai "
            f"đồng bộ các nhiệm vụ, trong đó {self.figures(country)}.")
        article.lines.append(self._proposals(host))
        article.lines.append(
            f"{host.short_title} {host.name} yêu cầu {organization} {self.promote()}, chú trọng {self.fields(2, 3)}; "
            f"bám sát {rng.choice(_DOC_REFS)}, phát huy vai trò tiên phong của đối ngoại.")
        article.lines.insert(rng.randrange(2, len(article.lines) + 1), self.details(country, rng.randint(2, 4)))
        if rng.random() < 0.5:
            article.lines.append(self._attendees(article, "buổi làm việc"))
        if rng.random() < 0.5:
            article.lines.append(self._issues())

    def _conference(self, article: Article, country: Country, date: dt.date) -> None:
        rng = self.rng
        host = self.vietnamese_official(article)
        guest = self.foreign_official(article, country)
        theme = f"{self.fields(1, 1).capitalize()} – động lực {rng.choice(('tăng trưởng', 'hợp tác', 'phát triển bền vững'))}"
        article.quotes.append(theme)
        action = (f"{rng.choice(('Bộ Ngoại giao', 'Ủy ban Đối ngoại của Quốc hội', 'Liên hiệp các tổ chức hữu nghị Việt Nam'))} "
                  f"phối hợp với Đại sứ quán {country.name} tổ chức {rng.choice(('Hội thảo', 'Diễn đàn', 'Hội nghị'))} "
                  f"với chủ đề “{theme}”.")
        article.lines.append(self.lead(article, date, rng.choice(_HANOI_VENUES[4:]), action))
        article.title = f"{rng.choice(('Hội thảo', 'Diễn đàn'))} “{theme}”"
        article.lines.append(f"Phát biểu khai mạc, {', '.join(host.titles)} {article.mention(host)} nhấn mạnh "
                             f"{self.figures(country)}; đề nghị các bên {self.promote()}.")
        article.lines.append(f"{guest.titles[0]} {article.mention(guest)} {rng.choice(('cho rằng', 'nhận định', 'chia sẻ'))} "
                             f"“{self.quote(article, country)}”.")
        article.lines.append(self._proposals(guest))
        article.lines.append(self.details(country, rng.randint(2, 4)))
        article.lines.append(f"Tại {rng.choice(('hội thảo', 'diễn đàn'))}, các đại biểu đã thảo luận về {self.fields()}, "
                             f"đồng thời đề xuất nhiều giải pháp nhằm {self.promote()}.")

    def _congratulation(self, article: Article, country: Country, date: dt.date) -> None:
        rng = self.rng
        senders = [self.vietnamese_official(article, role) for role in rng.sample(_VN_ROLES[:6], rng.randint(1, 3))]
        receivers = [self.foreign_official(article, country, role=role)
                     for role in rng.sample(_FOREIGN_ROLES[:8], rng.randint(1, 2))]
        day, month, founded = country.national_day
        occasion = rng.random()
        if occasion < 0.4:
            date = dt.date(date.year, month, min(day, 28))
            reason = (f"Nhân dịp kỷ niệm {date.year - founded} năm Quốc khánh {country.name} "
                      f"({day}/{month}/{founded} – {day}/{month}/{date.year})")
            article.title = f"Điện mừng kỷ niệm {date.year - founded} năm Quốc khánh {country.name}"
        elif occasion < 0.7:
            reason = (f"Nhân dịp kỷ niệm {date.year - country.relation_year} năm thiết lập quan hệ ngoại giao "
                      f"Việt Nam – {country.name} ({date.day}/{date.month}/{country.relation_year} – "
                      f"{date.day}/{date.month}/{date.year})")
            article.title = f"Kỷ niệm {date.year - country.relation_year} năm quan hệ Việt Nam – {country.name}"
        else:
            elected = receivers[0]
            reason = (f"Nhân dịp {elected.name} {rng.choice(('được bầu làm', 'tái đắc cử', 'nhậm chức'))} "
                      f"{elected.titles[0]}")
            article.title = f"Điện mừng {elected.titles[0]} {elected.name}"
        article.event_date_text = f"{date.day}/{date.month}/{date.year}"
        article.event_date = date.isoformat()
        article.lines.append(
            f"{reason}, {_join_list([f'{s.titles[-1]} {article.mention(s)}' for s in senders])} "
            f"đã {rng.choice(('gửi điện mừng', 'gửi thư chúc mừng', 'gửi điện chúc mừng'))} tới "
            f"{_join_list([f'{r.titles[0]} {article.mention(r)}' for r in receivers])}.")
        wish = rng.choice(("hòa bình, ổn định và thịnh vượng", "phát triển nhanh và bền vững",
                           "đạt được nhiều thành tựu to lớn hơn nữa", "ngày càng phồn vinh"))
        article.lines.append(
            f"Trong {rng.choice(('điện mừng', 'thư chúc mừng', 'thông điệp'))}, {senders[0].titles[-1]} "
            f"{senders[0].name} {rng.choice(('bày tỏ vui mừng trước', 'đánh giá cao', 'chúc mừng'))} "
            f"những thành tựu mà nhân dân {country.name} đạt được trong {self.fields(2, 3)}; "
            f"chúc {country.name} {wish}; khẳng định Việt Nam {rng.choice(('luôn trân trọng', 'mong muốn cùng ' + country.name, 'sẵn sàng'))} "
            f"{self.promote()}.")
        if rng.random() < 0.6:
            minister = self.vietnamese_official(article, _VN_ROLES[6])
            counterpart = self.foreign_official(article, country, role=_FOREIGN_ROLES[3])
            article.lines.append(f"Cùng ngày, {minister.titles[-1]} {article.mention(minister)} đã gửi điện mừng tới "
                                 f"{counterpart.titles[0]} {article.mention(counterpart)}.")
        if rng.random() < 0.7:
            article.lines.append(self._background(country))
        article.lines.append(self.details(country, rng.randint(1, 3)))
        if rng.random() < 0.6:
            article.lines.append(f"Hai nước {rng.choice(('thường xuyên', 'tích cực', 'chặt chẽ'))} phối hợp, ủng hộ lẫn nhau tại "
                                 f"{_join_list(rng.sample(_FORUMS, 2))}; {self.figures(country)}.")


# --- copies -------------------------------------------------------------------------------------

class _Editor:
    """Derives a duplicate from an article's text, one edit type at a time."""

    def __init__(self, rng: random.Random, writer: _ArticleWriter):
        self.rng = rng
        self.writer = writer

    def copy(self, text: str, edit: str) -> str:
        kind, _, amount = edit.rpartition("-")
        if edit == "exact":
            return self.reformat(text)
        if edit == "new-intro":
            return self.new_intro(text)
        if edit == "added-chrome":
            return self.added_chrome(text)
        if kind == "word-edits":
            return self.word_edits(text, int(amount) / 100)
        return self.truncated(text, int(amount) / 100)

    def reformat(self, text: str) -> str:
        """Same matching key, different bytes: the other tone style, odd spaces, CRLF, shouting."""
        rng = self.rng
        text = _TONE_STYLE_PATTERN.sub(lambda m: _TONE_STYLE[m.group()], text)
        if rng.random() < 0.5:
            text = text.replace(" ", "\u00a0", rng.randint(1, 5))
        if rng.random() < 0.5:
            text = text.replace("\n", "\r\n")
        if rng.random() < 0.3:
            first, _, rest = text.partition("\n")
            text = first.upper() + "\n" + rest
        return text + rng.choice(("\n", "  ", "\r\n"))  # never byte-identical to the original

    def new_intro(self, text: str) -> str:
        rng = self.rng
        intro = rng.choice((
            f"{rng.choice(_OUTLET_TAGS)} - Theo tin từ {rng.choice(_SOURCES)}, {self.writer.promote()} "
            f"là nội dung trọng tâm được hai bên trao đổi tại cuộc gặp.",
            f"Trong bối cảnh tình hình thế giới diễn biến phức tạp, việc {self.writer.promote()} "
            f"có ý nghĩa quan trọng đối với cả hai nước, nhất là trong các lĩnh vực {self.writer.fields(2, 3)}.",
            f"Chuyến thăm và các cuộc tiếp xúc lần này diễn ra đúng thời điểm hai nước đang nỗ lực "
            f"{self.writer.promote()}, mở ra nhiều triển vọng hợp tác mới.",
        ))
        return intro + "\n\n" + text

    def added_chrome(self, text: str) -> str:
        top = self.writer.chrome(self.rng.randint(1, 3))
        bottom = self.writer.chrome(self.rng.randint(2, 5))
        return "\n".join(top) + "\n\n" + text + "\n\n" + "\n".join(bottom)

    def word_edits(self, text: str, rate: float) -> str:
        """Edit ``rate`` of the words: substitute (60%), delete (20%) or insert after (20%)."""
        rng = self.rng
        lines = [line.split(" ") for line in text.split("\n")]
        positions = [(i, j) for i, words in enumerate(lines) for j in range(len(words)) if words[j]]
        for i, j in sorted(rng.sample(positions, round(rate * len(positions))), reverse=True):
            operation = rng.random()
            if operation < 0.6:
                lines[i][j] = rng.choice(_EDIT_WORDS)
            elif operation < 0.8:
                del lines[i][j]
            else:
                lines[i].insert(j + 1, rng.choice(_EDIT_WORDS))
        return "\n".join(" ".join(words) for words in lines)

    def truncated(self, text: str, keep: float) -> str:
        """The first ``keep`` of the words, as an outlet that runs only the start of a story."""
        words = text.split(" ")
        kept = " ".join(words[: max(1, round(keep * len(words)))])
        return kept + self.rng.choice(("", "…", "\n\n(Còn nữa)", "\n\nXem tiếp"))


# --- corpus -------------------------------------------------------------------------------------

def _entities(article: Article, text: str) -> dict:
    """Truth for a text derived from ``article``: only the entities the text still contains."""
    present = lambda values: [v for v in values if v in text]  # noqa: E731
    return {
        "title": article.title if article.title and article.title in text else None,
        "published_date": article.published_date,
        "event_date_text": article.event_date_text if article.event_date_text and article.event_date_text in text else None,
        "event_date": article.event_date,
        "time_of_day": article.time_of_day,
        "location": article.location,
        "people": [{"name": name, "titles": titles} for name, titles in article.people.items() if name in text],
        "organizations": present(article.organizations),
        "countries": present(article.countries),
        "sources": article.sources,
        "author": article.author,
        "photo_credits": present(article.photo_credits),
        "captions": present(article.captions),
        "quotes": present(article.quotes),
    }


def generate_article(seed: int, kind: str | None = None) -> Article:
    """One article of ``kind`` (one of ``ARTICLE_KINDS``, random if None); ``.text`` is its text."""
    return _ArticleWriter(random.Random(seed), headline_pool=[]).article(kind)


def generate_corpus(n_docs: int, dup_rate: float = 0.3, seed: int = 0) -> tuple[list[dict], dict]:
    """``n_docs`` documents, ``round(n_docs * dup_rate)`` of them edited copies of the others.

    Returns ``documents`` (``file_name``, ``text``), in a shuffled order, and ``truth``: for each
    file name, ``cluster`` (shared by an original and its copies), ``edit`` (None for originals,
    else one of ``EDIT_TYPES``, spread evenly), ``duplicate_of`` (the original's file) and the
    entities of the text.
    """
    if not 0 <= dup_rate < 1:
        raise ValueError(f"dup_rate must be in [0, 1), got {dup_rate}")
    rng = random.Random(seed)
    writer = _ArticleWriter(rng, headline_pool=[])
    editor = _Editor(rng, writer)
    n_copies = round(n_docs * dup_rate)
    originals = [writer.article() for _ in range(n_docs - n_copies)]
    edits = [EDIT_TYPES[i % len(EDIT_TYPES)] for i in range(n_copies)]
    rng.shuffle(edits)
    sources = [rng.randrange(len(originals)) for _ in range(n_copies)] if originals else []

    entries = [(index, None, article.text) for index, article in enumerate(originals)]
    entries += [(index, edit, editor.copy(originals[index].text, edit)) for index, edit in zip(sources, edits)]
    order = list(range(len(entries)))
    rng.shuffle(order)
    file_names = {position: f"doc-{rank:06d}.txt" for rank, position in enumerate(order)}
    original_files = {entries[p][0]: file_names[p] for p in range(len(originals))}

    documents, truth = [], {}
    for position in order:
        index, edit, text = entries[position]
        name = file_names[position]
        documents.append({"file_name": name, "text": text})
        truth[name] = {
            "file": name,
            "cluster": f"c{index:06d}",
            "edit": edit,
            "duplicate_of": None if edit is None else original_files[index],
            **_entities(originals[index], text),
        }
    return documents, truth


def write_corpus(out_dir: str | Path, n_docs: int, dup_rate: float = 0.3, seed: int = 0) -> Path:
    """Write ``out_dir/docs/<file>.txt`` (UTF-8) and ``out_dir/truth.jsonl``; return ``out_dir``."""
    out_dir = Path(out_dir)
    docs_dir = out_dir / "docs"
    docs_dir.mkdir(parents=True, exist_ok=True)
    documents, truth = generate_corpus(n_docs, dup_rate, seed)
    for document in documents:
        # newline="" keeps the CRLF some copies carry
        with open(docs_dir / document["file_name"], "w", encoding="utf-8", newline="") as handle:
            handle.write(document["text"])
    with open(out_dir / "truth.jsonl", "w", encoding="utf-8") as handle:
        for document in documents:
            handle.write(json.dumps(truth[document["file_name"]], ensure_ascii=False) + "\n")
    return out_dir
