"""The partner countries of the articles: capital, naming tradition, national day and relation."""

from __future__ import annotations

from dataclasses import dataclass

@dataclass(frozen=True)


class Country:
    name: str
    capital: str
    names: str  # key of people.FOREIGN_NAMES
    national_day: tuple[int, int, int]  # day, month, founding year
    relation: str
    relation_year: int


COUNTRIES = tuple(
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
