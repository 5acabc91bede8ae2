"""Clean stage: the seeds against their gold annotations, and page chrome of many outlets."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from transforms import schemas
from transforms.clean import boilerplate_lines, clean_documents
from transforms.reference import load_reference
from transforms.text import match_key

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = load_reference(ROOT / "seeds" / "reference")
GOLD = {
    record["file"]: record
    for record in map(json.loads, (ROOT / "tests" / "gold" / "seeds.jsonl").read_text("utf-8").splitlines())
}
SENTENCE = re.compile(r"(?<=[.!?…])\s+")


def document(text: str, **hints: str) -> dict:
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return {"doc_id": sha[:16], "sha256": sha, "source_path": "test.txt", "text": text, **hints}


def clean_one(text: str, **hints: str) -> dict:
    cleaned, quarantine = clean_documents([document(text, **hints)], REFERENCE)
    assert not quarantine
    return cleaned[0]


def norm(text: str | None) -> str | None:
    return None if text is None else match_key(text)


def in_body(record: dict, text: str) -> bool:
    return norm(text) in norm(record["body"])


def is_body_line(record: dict, line: str) -> bool:
    return norm(line) in {norm(paragraph) for paragraph in record["body"].split("\n\n")}


def removed_with(record: dict, rule_prefix: str) -> list[str]:
    return [r["line"] for r in record["removed_lines"] if r["rule"].startswith(rule_prefix)]


# --- the five seeds ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds() -> dict[str, tuple[str, dict]]:
    paths = sorted((ROOT / "seeds" / "raw").glob("*.txt"))
    texts = [path.read_text("utf-8") for path in paths]
    cleaned, quarantine = clean_documents([document(text) for text in texts], REFERENCE)
    assert not quarantine
    return {path.name: (text, record) for path, text, record in zip(paths, texts, cleaned)}


@pytest.mark.parametrize("name", sorted(GOLD))
def test_seed_boilerplate_is_out_of_the_body_and_reported(seeds, name):
    _, record = seeds[name]
    reported = {norm(line) for line in boilerplate_lines(record)}
    for line in GOLD[name]["boilerplate_lines"]:
        assert norm(line) in reported
        assert not in_body(record, line)


@pytest.mark.parametrize("name", sorted(GOLD))
def test_seed_metadata_matches_gold(seeds, name):
    _, record = seeds[name]
    gold = GOLD[name]
    assert norm(record["title"]) == norm(gold["title"])
    assert record["published_date"] == gold["published_date"]
    assert norm(record["author"]) == norm(gold["author"])
    assert {norm(c) for c in gold["captions"]} <= {norm(c["text"]) for c in record["captions"]}
    assert {norm(c) for c in gold["photo_credits"]} <= {norm(c["credit"]) for c in record["captions"]}
    assert {norm(s) for s in gold["sources"]} <= {norm(s) for s in record["source_credits"]}


@pytest.mark.parametrize("name", sorted(GOLD))
def test_seed_people_stay_in_body_or_captions(seeds, name):
    _, record = seeds[name]
    kept = norm(record["body"] + " " + " ".join(c["text"] for c in record["captions"]))
    for person in GOLD[name]["people"]:
        assert norm(person["name"]) in kept


@pytest.mark.parametrize("name", sorted(GOLD))
def test_seed_every_sentence_not_removed_survives(seeds, name):
    text, record = seeds[name]
    raw_lines = text.split("\n")
    whole = {r["position"] for r in record["removed_lines"] if r["line"] == raw_lines[r["position"]].strip()}
    for position, raw in enumerate(raw_lines):
        if not raw.strip() or position in whole:
            continue
        remaining = raw
        for part in (r["line"] for r in record["removed_lines"] if r["position"] == position):
            remaining = remaining.replace(part, "")
        for sentence in SENTENCE.split(remaining.strip()):
            assert in_body(record, sentence), sentence


@pytest.mark.parametrize("name", sorted(GOLD))
def test_seed_every_removed_line_is_justified_by_gold(seeds, name):
    """Precision: a removed line is gold chrome, a caption, the byline, a credit or a repeat."""
    _, record = seeds[name]
    gold = GOLD[name]
    chrome = {norm(line) for line in gold["boilerplate_lines"]}
    for removed in record["removed_lines"]:
        line, rule = norm(removed["line"]), removed["rule"]
        justified = (
            line in chrome
            or rule in ("title", "repeated-headline") and line == norm(gold["title"])
            or rule.startswith("caption") and any(norm(c) in line for c in gold["captions"])
            or rule == "byline" and norm(gold["author"]) in line
            or rule == "source-credit" and any(norm(s) in line for s in gold["sources"])
            or rule == "repeated-sentence" and line in norm(record["body"])
            or rule == "header:date" and gold["published_date"] in line
        )
        assert justified, removed


def test_seed_004_repeats_removed_once_kept_once(seeds):
    _, record = seeds["004_68ba3e29b9c118e9.txt"]
    assert len(removed_with(record, "repeated-headline")) == 3
    repeated = "Tại điểm cầu Hà Tĩnh, Giám đốc Sở Ngoại vụ Thái Phúc Sơn chủ trì hội nghị."
    assert norm(record["body"]).count(norm(repeated)) == 1
    assert record["body"].startswith("Thủ tướng Chính phủ Phạm Minh Chính nêu rõ")  # outlet tag cut
    assert record["sapo"].startswith("Thủ tướng Chính phủ Phạm Minh Chính nêu rõ")


def test_seed_001_date_header_glued_to_lead(seeds):
    _, record = seeds["001_6959717b8c2d1d25.txt"]
    assert record["body"].startswith("Chiều 15-9, tại trụ sở Trung ương Đảng")
    assert removed_with(record, "header:date") == ["date 2025-09-16"]


def test_boilerplate_lines_only_reports_chrome_rules(seeds):
    _, record = seeds["002_de395f347fb07dfc.txt"]
    assert boilerplate_lines(record) == [
        "[Tạo động lực mới, đẩy mạnh công cuộc xây dựng và bảo vệ đất nước]",
        "Tin cùng chuyên mục",
    ]


def test_records_fit_the_arrow_schema(seeds):
    records = [record for _, record in seeds.values()]
    assert list(records[0]) == schemas.CLEANED.names
    assert schemas.to_table(records, schemas.CLEANED).num_rows == 5


def test_cleaning_is_deterministic_and_keyed(seeds):
    texts = [text for text, _ in seeds.values()]
    first, _ = clean_documents([document(t) for t in texts], REFERENCE)
    second, _ = clean_documents([document(t) for t in texts], REFERENCE)
    assert first == second
    assert all(r["body_key"] == match_key(r["body"]) for r in first)


# --- page chrome of other outlets ----------------------------------------------------------------

VNEXPRESS = """Thời sự
Chính trị
Thứ ba, 12/12/2023, 15:42 (GMT+7)
Việt Nam và Nhật Bản nâng cấp quan hệ lên Đối tác chiến lược toàn diện
Hai nước nhất trí nâng cấp quan hệ lên Đối tác chiến lược toàn diện vì hòa bình và thịnh vượng tại châu Á và thế giới.

Chiều 11/12, Chủ tịch nước Võ Văn Thưởng hội đàm với Thủ tướng Nhật Bản Kishida Fumio tại thủ đô Tokyo, trong khuôn khổ chuyến thăm chính thức Nhật Bản.

Chủ tịch nước Võ Văn Thưởng và Thủ tướng Kishida Fumio tại lễ đón. Ảnh: Giang Huy

Hai bên đánh giá cao những bước phát triển mạnh mẽ của quan hệ song phương trong 50 năm qua, nhất trí tăng cường trao đổi đoàn cấp cao.

“Đây là dấu mốc lịch sử.”

Ảnh hưởng của dịch bệnh đến chuỗi cung ứng cũng được hai bên thảo luận kỹ lưỡng.

Viết Tuấn

Chia sẻ
Sao chép liên kết
Xem thêm
Thủ tướng tiếp Đại sứ Hàn Quốc chào từ biệt
Tin liên quan
"""

TUOI_TRE = """TTO - Sáng 5-3, Quốc hội khai mạc kỳ họp bất thường lần thứ 5 tại Nhà Quốc hội, Hà Nội, với nhiều nội dung quan trọng.

Quốc hội biểu quyết thông qua nghị quyết - Ảnh: GIA HÂN

Theo đó, Quốc hội sẽ xem xét, thông qua Luật Đất đai sửa đổi và Luật Các tổ chức tín dụng sửa đổi.

Xem thêm các thông tin chi tiết về kỳ họp trên cổng thông tin điện tử của Quốc hội.

THÀNH CHUNG

TIN LIÊN QUAN
Quốc hội thông qua Luật Đất đai sửa đổi
Mời bạn đọc theo dõi Tuổi Trẻ trên Google News.
Từ khóa: Quốc hội, kỳ họp bất thường, Luật Đất đai
"""

VOV = """Tin mới Thời sự Thế giới Kinh tế Xã hội Pháp luật
Trang chủ > Chính trị > Đối ngoại
VOV.VN - Chiều 20/4, tại Hà Nội, Phó Chủ tịch nước Võ Thị Ánh Xuân đã tiếp Đại sứ Australia tại Việt Nam Andrew Goledzinowski nhân dịp kết thúc nhiệm kỳ công tác.

Phó Chủ tịch nước đánh giá cao những đóng góp của Đại sứ đối với quan hệ Đối tác chiến lược Việt Nam - Australia.

Hoàng Anh/VOV.VN
Tin liên quan
Phó Chủ tịch nước tiếp Đại sứ Hàn Quốc
Phó Chủ tịch nước hội kiến Toàn quyền Australia
"""

NHAN_DAN = """Cập nhật: 10:30, 15/12/2021
Thủ tướng dự Hội nghị ngoại giao lần thứ 31
Sáng 15/12, Thủ tướng Chính phủ Phạm Minh Chính dự và phát biểu chỉ đạo Hội nghị ngoại giao 31.

Hội nghị diễn ra dưới hình thức trực tiếp và trực tuyến đến 63 tỉnh, thành phố trên cả nước.

Thủ tướng Chính phủ phát biểu tại Hội nghị. (Ảnh: TRẦN HẢI)

Thủ tướng đánh giá cao kết quả công tác đối ngoại năm 2021 và đề ra nhiệm vụ năm 2022.

Theo Báo Nhân Dân
Từ khóa
Hội nghị ngoại giao
Bản quyền thuộc Báo Nhân Dân. Ghi rõ nguồn khi phát hành lại thông tin từ website này.
"""

DAN_TRI = """Thứ hai, 15/11/2021 - 10:30
(Dân trí) - Chủ tịch Quốc hội Vương Đình Huệ đã hội đàm với Chủ tịch Thượng viện Pháp Gérard Larcher tại Paris.

Hai bên nhất trí tăng cường hợp tác giữa hai cơ quan lập pháp, nhất là trao đổi kinh nghiệm xây dựng luật.

Chủ tịch Quốc hội khẳng định Việt Nam coi trọng quan hệ Đối tác chiến lược với Pháp./.

Minh Anh (tổng hợp)
Bình luận (0)
Chia sẻ Facebook Zalo
"""

QUOC_TE = """TGVN. Ngày 15/12, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã điện đàm với Ngoại trưởng Mỹ Antony Blinken về quan hệ song phương.

Bộ trưởng Ngoại giao Bùi Thanh Sơn điện đàm với Ngoại trưởng Mỹ. (Ảnh: Reuters)

Hai bên nhất trí thúc đẩy quan hệ Đối tác toàn diện Việt Nam - Hoa Kỳ phát triển thực chất.

Minh Anh (theo Reuters)
"""

QDND = """QĐND - Chiều 15-12, tại Hà Nội, Thượng tướng Hoàng Xuân Chiến, Thứ trưởng Bộ Quốc phòng đã tiếp Đại sứ Hàn Quốc tại Việt Nam.

Hai bên trao đổi về hợp tác quốc phòng song phương trong thời gian tới, nhất là trong lĩnh vực công nghiệp quốc phòng.

Tin, ảnh: NGỌC HUÂN
"""

VIETNAMPLUS = """Thủ tướng hội đàm với Thủ tướng Lào
Chiều 9/1, tại Trụ sở Chính phủ, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Lào Sonexay Siphandone.

Hai Thủ tướng chứng kiến lễ ký kết các văn kiện hợp tác giữa hai nước./.

(TTXVN/Vietnam+)
Tin liên quan
Việt Nam - Lào tăng cường hợp tác kinh tế
Hai nước đã ký 12 văn kiện hợp tác trong các lĩnh vực kinh tế, giáo dục và quốc phòng.
Ghi rõ nguồn 'Vietnam+' khi phát hành lại thông tin từ website này.
"""

OUTLETS = {
    "vnexpress": (
        VNEXPRESS,
        {
            "title": "Việt Nam và Nhật Bản nâng cấp quan hệ lên Đối tác chiến lược toàn diện",
            "published_date": "2023-12-12",
            "published_time": "15:42",
            "author": "Viết Tuấn",
            "captions": [("Chủ tịch nước Võ Văn Thưởng và Thủ tướng Kishida Fumio tại lễ đón.", "Giang Huy")],
        },
        ["Thời sự", "Chính trị", "Chia sẻ", "Sao chép liên kết", "Xem thêm", "Tin liên quan",
         "Thủ tướng tiếp Đại sứ Hàn Quốc chào từ biệt"],
        ["“Đây là dấu mốc lịch sử.”", "Ảnh hưởng của dịch bệnh đến chuỗi cung ứng cũng được hai bên"],
    ),
    "tuoitre": (
        TUOI_TRE,
        {"author": "THÀNH CHUNG", "source_credits": ["TTO"],
         "captions": [("Quốc hội biểu quyết thông qua nghị quyết", "GIA HÂN")]},
        ["TIN LIÊN QUAN", "Quốc hội thông qua Luật Đất đai sửa đổi",
         "Mời bạn đọc theo dõi Tuổi Trẻ trên Google News.",
         "Từ khóa: Quốc hội, kỳ họp bất thường, Luật Đất đai"],
        ["Sáng 5-3, Quốc hội khai mạc", "Theo đó, Quốc hội sẽ xem xét",
         "Xem thêm các thông tin chi tiết về kỳ họp trên cổng thông tin điện tử của Quốc hội."],
    ),
    "vov": (
        VOV,
        {"author": "Hoàng Anh", "source_credits": ["VOV.VN"]},
        ["Tin mới Thời sự Thế giới Kinh tế Xã hội Pháp luật", "Trang chủ > Chính trị > Đối ngoại",
         "Tin liên quan", "Phó Chủ tịch nước tiếp Đại sứ Hàn Quốc",
         "Phó Chủ tịch nước hội kiến Toàn quyền Australia"],
        ["Chiều 20/4, tại Hà Nội", "Phó Chủ tịch nước đánh giá cao"],
    ),
    "nhandan": (
        NHAN_DAN,
        {"title": "Thủ tướng dự Hội nghị ngoại giao lần thứ 31", "published_date": "2021-12-15",
         "published_time": "10:30", "source_credits": ["Báo Nhân Dân"],
         "captions": [("Thủ tướng Chính phủ phát biểu tại Hội nghị.", "TRẦN HẢI")]},
        ["Từ khóa", "Hội nghị ngoại giao",
         "Bản quyền thuộc Báo Nhân Dân. Ghi rõ nguồn khi phát hành lại thông tin từ website này."],
        ["Hội nghị diễn ra dưới hình thức trực tiếp", "Thủ tướng đánh giá cao kết quả công tác đối ngoại"],
    ),
    "dantri": (
        DAN_TRI,
        {"published_date": "2021-11-15", "published_time": "10:30", "author": "Minh Anh",
         "source_credits": ["Dân trí"]},
        ["Bình luận (0)", "Chia sẻ Facebook Zalo"],
        ["Chủ tịch Quốc hội Vương Đình Huệ đã hội đàm", "coi trọng quan hệ Đối tác chiến lược với Pháp./."],
    ),
    "baoquocte": (
        QUOC_TE,
        {"author": "Minh Anh", "source_credits": ["Reuters", "TGVN"],
         "captions": [("Bộ trưởng Ngoại giao Bùi Thanh Sơn điện đàm với Ngoại trưởng Mỹ.", "Reuters")]},
        [],
        ["Ngày 15/12, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã điện đàm"],
    ),
    "qdnd": (QDND, {"author": "NGỌC HUÂN", "source_credits": ["QĐND"]}, [], ["Chiều 15-12, tại Hà Nội"]),
    "vietnamplus": (
        VIETNAMPLUS,
        {"title": "Thủ tướng hội đàm với Thủ tướng Lào", "source_credits": ["TTXVN", "Vietnam+"]},
        ["Tin liên quan", "Việt Nam - Lào tăng cường hợp tác kinh tế",
         "Hai nước đã ký 12 văn kiện hợp tác trong các lĩnh vực kinh tế, giáo dục và quốc phòng.",
         "Ghi rõ nguồn 'Vietnam+' khi phát hành lại thông tin từ website này."],
        ["Hai Thủ tướng chứng kiến lễ ký kết"],
    ),
}


@pytest.mark.parametrize("outlet", sorted(OUTLETS))
def test_outlet_page_chrome(outlet):
    text, expected, chrome, kept = OUTLETS[outlet]
    record = clean_one(text)
    for key, value in expected.items():
        if key == "captions":
            assert [(c["text"], c["credit"]) for c in record["captions"]] == value
        elif key == "source_credits":
            assert set(record["source_credits"]) == set(value)
        else:
            assert record[key] == value, key
    reported = boilerplate_lines(record)
    for line in chrome:
        assert line in reported
        assert not is_body_line(record, line)
    for sentence in kept:
        assert in_body(record, sentence)


@pytest.mark.parametrize(
    "line",
    [
        "“Chúng tôi sẵn sàng.”",
        "Theo đó, hai bên sẽ ký kết thỏa thuận hợp tác trong năm tới.",
        "Ảnh hưởng của dịch COVID-19 khiến nhiều hoạt động đối ngoại phải chuyển sang trực tuyến.",
        "Ảnh hưởng của dịch bệnh",
        "Nội dung bức ảnh: các đại biểu chụp ảnh lưu niệm.",
        "Chủ đề của hội nghị năm nay là ngoại giao tiên phong, toàn diện, hiện đại.",
        "Chia sẻ tại hội nghị, Bộ trưởng cho biết ngành ngoại giao sẽ đổi mới mạnh mẽ.",
        "Xem thêm các thông tin chi tiết về chương trình trên website của Bộ Ngoại giao.",
        "Tìm kiếm giải pháp cho những thách thức an ninh phi truyền thống",
        "Trở lại bàn đàm phán hạt nhân",
        "Chủ đề xuyên suốt của hội nghị",
        "Đọc thêm về lịch sử quan hệ hai nước",
        "Quốc hội thông qua nghị quyết với 95% đại biểu tán thành.",
        "Bản tin thời sự tối cùng ngày đã phát lại toàn bộ phát biểu của Tổng Bí thư.",
    ],
)
def test_chrome_looking_article_sentences_are_kept(line):
    text = (
        "Chiều 15-9, tại trụ sở Trung ương Đảng, Tổng Bí thư Tô Lâm đã chủ trì buổi làm việc "
        "với Đảng ủy Bộ Ngoại giao và các cơ quan liên quan.\n\n"
        f"{line}\n\n"
        "Tổng Bí thư Tô Lâm đánh giá cao các ý kiến đóng góp tâm huyết, sâu sắc tại cuộc làm việc."
    )
    record = clean_one(text)
    assert in_body(record, line)
    assert record["captions"] == []


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Facebook Twitter", "chrome:menu"),
        ("Thời sự | Chính trị", "chrome:menu"),
        ("Trang chủ » Thế giới » Châu Á", "chrome:menu"),
        ("Tin mới Emagazine Truyền hình Podcast", "chrome:menu"),
        ("Đọc thêm:", "chrome:related"),
        (">> Thủ tướng tiếp Đại sứ Nhật Bản", "chrome:related-link"),
        ("[Việt Nam - Nhật Bản: Đối tác chiến lược toàn diện]", "chrome:related-link"),
        ("Xem thêm: Thủ tướng tiếp Đại sứ Nhật Bản", "chrome:related"),
        ("Mời quý độc giả theo dõi các video khác trên kênh YouTube của Báo.", "chrome:follow"),
        ("Theo dõi VietNamNet trên Google News", "chrome:follow"),
        ("Hotline: 0912 345 678", "chrome:ad"),
        ("Quảng cáo", "chrome:ad"),
        ("© 2024 Báo Tuổi Trẻ. All rights reserved.", "chrome:copyright"),
        ("Tags: Bộ Ngoại giao, Hội nghị ngoại giao", "chrome:tags"),
        ("#ngoaigiao #doingoai", "chrome:tags"),
        ("Ý kiến bạn đọc", "chrome:comment"),
        ("Vui lòng nhập họ tên", "chrome:comment"),
        ("https://baochinhphu.vn/abc-102240312.htm", "chrome:url"),
        ("| --- | --- |", "chrome:markdown"),
        ("![](https://img.example.vn/a.jpg)", "chrome:markdown"),
    ],
)
def test_chrome_lines_in_the_middle_of_an_article(line, rule):
    text = (
        "Sáng 15/12, Thủ tướng Chính phủ Phạm Minh Chính dự Hội nghị ngoại giao lần thứ 31 tại Hà Nội.\n\n"
        f"{line}\n\n"
        "Thủ tướng đánh giá cao kết quả công tác đối ngoại năm 2021 và đề ra nhiệm vụ năm 2022."
    )
    record = clean_one(text)
    assert {"line": line, "rule": rule, "position": 2} in record["removed_lines"]
    assert not is_body_line(record, line)


def test_caption_forms():
    text = (
        "Sáng 15/12, Thủ tướng Chính phủ Phạm Minh Chính dự Hội nghị ngoại giao lần thứ 31 tại Hà Nội.\n\n"
        "Toàn cảnh hội nghị - Ảnh 1.\n"
        "Toàn cảnh hội nghị. Ảnh: VGP/Nhật Bắc\n\n"
        "Hội nghị diễn ra dưới hình thức trực tiếp và trực tuyến đến 63 tỉnh, thành phố.\n\n"
        "Các đại biểu dự hội nghị tại điểm cầu Hà Tĩnh.\n"
        "Nguồn ảnh: Báo Hà Tĩnh\n\n"
        "Lễ ký kết văn kiện hợp tác (Ảnh minh họa)\n\n"
        "Đoàn đại biểu chụp ảnh lưu niệm. (Photo: AFP)\n\n"
        "Ngoại trưởng Mỹ Antony Blinken. (Nguồn: Reuters)\n\n"
        "Kim ngạch thương mại hai chiều năm 2023 đạt 10 tỷ USD. Con số này tăng 12% so với năm "
        "trước (Nguồn: Tổng cục Hải quan).\n\n"
        "Thủ tướng đánh giá cao kết quả công tác đối ngoại năm 2021 và đề ra nhiệm vụ năm 2022."
    )
    record = clean_one(text)
    assert [(c["text"], c["credit"]) for c in record["captions"]] == [
        ("Toàn cảnh hội nghị.", "VGP/Nhật Bắc"),
        ("Các đại biểu dự hội nghị tại điểm cầu Hà Tĩnh.", "Báo Hà Tĩnh"),
        ("Lễ ký kết văn kiện hợp tác", None),
        ("Đoàn đại biểu chụp ảnh lưu niệm.", "AFP"),
        ("Ngoại trưởng Mỹ Antony Blinken.", "Reuters"),
    ]
    assert in_body(record, "Con số này tăng 12% so với năm trước (Nguồn: Tổng cục Hải quan).")
    assert boilerplate_lines(record) == ["Toàn cảnh hội nghị - Ảnh 1."]
    assert {"VGP", "AFP"} <= set(record["source_credits"])
    assert "Nhật Bắc" not in record["source_credits"]
    assert in_body(record, "Hội nghị diễn ra dưới hình thức trực tiếp")


@pytest.mark.parametrize(
    ("byline", "author", "sources"),
    [
        ("TRẦN BÌNH", "TRẦN BÌNH", []),
        ("B.T.V (Theo VGP)", "B.T.V", ["VGP"]),
        ("(TTXVN/Vietnam+)", None, ["TTXVN", "Vietnam+"]),
        ("Nguồn www.chinhphu.vn", None, ["chinhphu.vn"]),
        ("Theo Báo Quân đội nhân dân", None, ["Báo Quân đội nhân dân"]),
        ("Minh Anh (tổng hợp)", "Minh Anh", []),
        ("PV", "PV", []),
        ("Nhóm PV", "Nhóm PV", []),
        ("Hoàng Anh/VOV.VN", "Hoàng Anh", ["VOV.VN"]),
        ("Bài và ảnh: Nguyễn Hoài", "Nguyễn Hoài", []),
        ("Thu Hằng - Minh Quang", "Thu Hằng - Minh Quang", []),
        ("Nguyễn Hoài (TTXVN)", "Nguyễn Hoài", ["TTXVN"]),
        ("(Nguồn: VGP)", None, ["VGP"]),
        ("Nguồn: VTV", None, ["VTV"]),
        ("Tin, ảnh: NGỌC HUÂN", "NGỌC HUÂN", []),
    ],
)
def test_bylines_and_source_credits(byline, author, sources):
    text = (
        "Sáng 15/12, Thủ tướng Chính phủ Phạm Minh Chính dự Hội nghị ngoại giao lần thứ 31 tại Hà Nội.\n\n"
        "Thủ tướng đánh giá cao kết quả công tác đối ngoại năm 2021 và đề ra nhiệm vụ năm 2022.\n\n"
        f"{byline}\n"
    )
    record = clean_one(text)
    assert record["author"] == author
    assert record["source_credits"] == sources
    assert not is_body_line(record, byline)


def test_a_parenthesised_note_is_not_a_source():
    text = (
        "Sáng 15/12, Thủ tướng Chính phủ Phạm Minh Chính dự Hội nghị ngoại giao lần thứ 31 tại Hà Nội.\n\n"
        "Thủ tướng đánh giá cao kết quả công tác đối ngoại năm 2021 và đề ra nhiệm vụ năm 2022.\n\n"
        "(còn nữa)\n"
    )
    assert clean_one(text)["source_credits"] == []


def test_page_clock_is_chrome_not_the_publication_date():
    text = (
        "Thứ Bảy, 22/11/2025\n"
        "Tổng Bí thư tiếp Đoàn đại biểu Đảng Cộng sản Nhật Bản\n"
        "08/01/2022 02:00:00 PM\n"
        "Chiều 7/1, tại Trụ sở Trung ương Đảng, Tổng Bí thư Nguyễn Phú Trọng tiếp Đoàn đại biểu "
        "Đảng Cộng sản Nhật Bản.\n\n"
        "Tổng Bí thư đánh giá cao quan hệ giữa hai Đảng trong năm 2021.\n\n"
        "Hai bên nhất trí tiếp tục tăng cường trao đổi lý luận trong năm 2022.\n"
        "21:21 14-04-2025\n"
    )
    record = clean_one(text)
    assert (record["published_date"], record["published_time"]) == ("2022-01-08", "14:00")
    assert removed_with(record, "chrome:timestamp") == ["Thứ Bảy, 22/11/2025", "21:21 14-04-2025"]
    assert removed_with(record, "header:timestamp") == ["08/01/2022 02:00:00 PM"]


def test_a_lone_page_clock_long_after_the_event_is_not_used():
    text = (
        "Thứ Bảy, 22/11/2025 08:00\n"
        "Sáng 24/12, Phó Thủ tướng chủ trì cuộc họp tổng kết công tác năm 2020 và phương hướng năm 2021.\n\n"
        "Các bộ, ngành đã triển khai hiệu quả ngoại giao trực tuyến trong năm 2020."
    )
    record = clean_one(text)
    assert record["published_date"] is None
    assert boilerplate_lines(record) == ["Thứ Bảy, 22/11/2025 08:00"]


def test_date_header_wins_and_month_precision():
    record = clean_one(" date 2023-05\nChiều 12/5, Bộ trưởng Ngoại giao tiếp Đại sứ Pháp tại Hà Nội.")
    assert record["published_date"] == "2023-05"
    assert record["body"] == "Chiều 12/5, Bộ trưởng Ngoại giao tiếp Đại sứ Pháp tại Hà Nội."


def test_container_hints_give_title_and_date():
    text = "Thủ tướng tiếp Bộ trưởng Ngoại giao Singapore\nSáng 12/3, Thủ tướng tiếp Bộ trưởng Ngoại giao Singapore."
    record = clean_one(text, title_hint="Thủ tướng tiếp Bộ trưởng Ngoại giao Singapore", published_hint="2024-03-12")
    assert record["title"] == "Thủ tướng tiếp Bộ trưởng Ngoại giao Singapore"
    assert record["published_date"] == "2024-03-12"
    assert record["body"] == "Sáng 12/3, Thủ tướng tiếp Bộ trưởng Ngoại giao Singapore."


def test_question_headline():
    record = clean_one(
        "Vì sao Việt Nam hút mạnh vốn đầu tư nước ngoài?\n\n"
        "Năm 2023, vốn FDI đăng ký vào Việt Nam đạt gần 37 tỷ USD, tăng 32% so với năm trước.\n\n"
        "Các chuyên gia cho rằng môi trường chính trị ổn định là lợi thế lớn."
    )
    assert record["title"] == "Vì sao Việt Nam hút mạnh vốn đầu tư nước ngoài?"
    assert record["sapo"].startswith("Năm 2023, vốn FDI")


def test_hard_wrapped_lines_are_rejoined():
    text = (
        "Thủ tướng Chính phủ Phạm Minh Chính đã có cuộc hội đàm với Thủ tướng\n"
        "Lào Sonexay Siphandone nhân dịp chuyến thăm chính thức Việt Nam của Thủ\n"
        "tướng Lào. Hai bên đánh giá cao kết quả hợp tác giữa hai nước trong năm\n"
        "qua. Tham dự hội đàm về phía Việt Nam có Phó Thủ tướng Trần\n"
        "Lưu Quang cùng dự hội đàm.\n"
    )
    record = clean_one(text)
    assert "Thủ tướng Lào Sonexay Siphandone" in record["body"]
    assert "Phó Thủ tướng Trần Lưu Quang cùng dự hội đàm." in record["body"]
    assert "\n" not in record["body"]


def test_normalization_repairs_characters_but_keeps_tone_placement():
    text = "Sáng 15/12, Ðoàn đại biểu\u00a0Quốc hội\u200b thăm Lào, hoà bình và hợp tác.\n\n\n\n   \nThủ tướng nói."
    record = clean_one(text)
    assert record["body"] == "Sáng 15/12, Đoàn đại biểu Quốc hội thăm Lào, hoà bình và hợp tác.\n\nThủ tướng nói."
    assert "hòa bình" in record["body_key"]


def test_markdown_layout_table_around_a_caption():
    text = (
        "![](https://img.example.vn/2024/01/abc.jpg)\n"
        "| Tổng Bí thư Tô Lâm phát biểu tại buổi làm việc. Ảnh: Thống Nhất – TTXVN |\n"
        "| --- |\n"
        "Sáng 10/1, Tổng Bí thư làm việc với Ban Đối ngoại Trung ương, theo [Báo Nhân Dân](https://nhandan.vn/a).\n"
    )
    record = clean_one(text)
    assert record["captions"] == [{"text": "Tổng Bí thư Tô Lâm phát biểu tại buổi làm việc.", "credit": "Thống Nhất – TTXVN"}]
    assert record["body"] == "Sáng 10/1, Tổng Bí thư làm việc với Ban Đối ngoại Trung ương, theo Báo Nhân Dân."


def test_lines_recurring_across_unrelated_documents_are_chrome():
    leads = [
        "Sáng 15/12, Thủ tướng Chính phủ Phạm Minh Chính dự Hội nghị ngoại giao lần thứ 31 tại Hà Nội.",
        "Chiều 20/4, Phó Chủ tịch nước tiếp Đại sứ Australia nhân dịp kết thúc nhiệm kỳ công tác tại Việt Nam.",
        "Ngày 9/1, Bộ trưởng Bộ Ngoại giao điện đàm với Ngoại trưởng Singapore về hợp tác song phương.",
        "Tối 3/3, Chủ tịch Quốc hội gặp mặt cộng đồng người Việt Nam tại Pháp trong chuyến công tác.",
    ]
    footer = "Báo điện tử Hà Nội Mới Cơ quan của Thành ủy"
    texts = [f"{lead}\n\nSự kiện đối ngoại nổi bật trong tuần\n\nHai bên nhất trí tăng cường hợp tác.\n\n{footer}" for lead in leads]
    syndicated_subheading = "Tăng cường hợp tác quốc phòng"
    story = (
        "Chiều 15-12, Thượng tướng Hoàng Xuân Chiến tiếp Đại sứ Hàn Quốc tại Việt Nam để trao đổi về hợp tác.\n\n"
        f"{syndicated_subheading}\n\nHai bên trao đổi về hợp tác quốc phòng song phương trong thời gian tới."
    )
    copies = [story + f"\n\nNguồn {n}" for n in range(4)]
    cleaned, _ = clean_documents([document(t) for t in texts + copies], REFERENCE)
    for record in cleaned[: len(texts)]:
        assert footer in boilerplate_lines(record)
        assert "Sự kiện đối ngoại nổi bật trong tuần" in boilerplate_lines(record)
    for record in cleaned[len(texts) :]:
        assert in_body(record, syndicated_subheading)


def test_nothing_left_goes_to_quarantine():
    cleaned, quarantine = clean_documents([document("Tin liên quan\nChia sẻ\n\nĐọc thêm")], REFERENCE)
    assert cleaned == []
    assert quarantine[0]["reason"] == "empty-body" and quarantine[0]["stage"] == "clean"


# --- held-out articles of other outlets (tests/holdout_clean, tests/gold/holdout_clean.jsonl) ---

HOLDOUT = {
    record["file"]: record
    for record in map(json.loads, (ROOT / "tests" / "gold" / "holdout_clean.jsonl").read_text("utf-8").splitlines())
}


@pytest.fixture(scope="module")
def holdout() -> dict[str, dict]:
    paths = sorted((ROOT / "tests" / "holdout_clean").glob("*.txt"))
    cleaned, quarantine = clean_documents([document(path.read_text("utf-8")) for path in paths], REFERENCE)
    assert not quarantine
    return {path.name: record for path, record in zip(paths, cleaned)}


@pytest.mark.parametrize("name", sorted(HOLDOUT))
def test_holdout_must_keep_sentences_stay_in_the_body(holdout, name):
    for sentence in HOLDOUT[name]["must_keep"]:
        assert in_body(holdout[name], sentence), sentence


@pytest.mark.parametrize("name", sorted(HOLDOUT))
def test_holdout_chrome_is_removed_and_reported(holdout, name):
    record = holdout[name]
    reported = {norm(line) for line in boilerplate_lines(record)}
    for line in HOLDOUT[name]["boilerplate_lines"]:
        assert norm(line) in reported, line
        assert not is_body_line(record, line), line


@pytest.mark.parametrize("name", sorted(HOLDOUT))
def test_holdout_header_and_byline(holdout, name):
    record, gold = holdout[name], HOLDOUT[name]
    assert norm(record["title"]) == norm(gold["title"])
    assert record["published_date"] == gold["published_date"]
    assert norm(record["author"]) == norm(gold["author"])


# --- general rules found with the held-out set ---------------------------------------------------

ARTICLE = (
    "Chiều 3/2, tại Hà Nội, Phó Thủ tướng Bùi Thanh Sơn hội đàm với Phó Thủ tướng Thái Lan.\n\n"
    "Hai bên nhất trí phối hợp chặt chẽ chuẩn bị cho các chuyến thăm cấp cao trong năm 2025.\n"
)


def test_related_heading_takes_the_headlines_listed_in_its_block_mid_article():
    text = (
        ARTICLE + "\nTin liên quan\nThủ tướng Thái Lan thăm chính thức Việt Nam\n"
        "Việt Nam - Thái Lan thúc đẩy kết nối chuỗi cung ứng\n\n"
        "Tăng cường hợp tác kinh tế\n\n"
        "Kim ngạch thương mại song phương năm 2024 đạt 20 tỷ USD.\n"
    )
    record = clean_one(text)
    chrome = boilerplate_lines(record)
    assert "Thủ tướng Thái Lan thăm chính thức Việt Nam" in chrome
    assert "Việt Nam - Thái Lan thúc đẩy kết nối chuỗi cung ứng" in chrome
    # the article's sub-heading, in its own block, stays
    assert is_body_line(record, "Tăng cường hợp tác kinh tế")


def test_related_list_after_the_prose_ends_even_with_question_headlines_and_no_byline():
    text = (
        ARTICLE + "\nBình luận (0)\nGửi bình luận\nQuan tâm nhất\nĐọc thêm\n"
        "Nghị định 168: Người đi bộ vượt đèn đỏ bị phạt bao nhiêu?\nCSGT Hà Nội lập 15 tổ công tác đặc biệt\n"
    )
    record = clean_one(text)
    chrome = boilerplate_lines(record)
    for line in ("Quan tâm nhất", "Nghị định 168: Người đi bộ vượt đèn đỏ bị phạt bao nhiêu?", "CSGT Hà Nội lập 15 tổ công tác đặc biệt"):
        assert line in chrome
    assert record["body"] == ARTICLE.strip()


def test_mid_article_related_heading_spares_prose_below_it():
    text = ARTICLE + "\nĐừng bỏ lỡ\nGiá vàng hôm nay tăng mạnh\nHội nghị cũng thảo luận về tình hình kinh tế - xã hội.\n"
    record = clean_one(text)
    assert "Giá vàng hôm nay tăng mạnh" in boilerplate_lines(record)
    assert in_body(record, "Hội nghị cũng thảo luận về tình hình kinh tế - xã hội.")


def test_long_navigation_bar_above_the_headline():
    text = (
        "Thời sự Chính trị Dân tộc Tôn giáo Đô thị Xã hội Kinh tế Quốc tế Văn hóa Thể thao Giải trí\n"
        "Phó Thủ tướng hội đàm với Phó Thủ tướng Thái Lan\n" + ARTICLE
    )
    record = clean_one(text)
    assert record["title"] == "Phó Thủ tướng hội đàm với Phó Thủ tướng Thái Lan"
    assert boilerplate_lines(record)[0].startswith("Thời sự Chính trị Dân tộc")


def test_separated_section_names_are_a_menu_even_with_compound_phrases():
    for line in ("Thời sự › Chính trị", "Thời sự | Chính trị", "Kinh tế - Xã hội"):
        record = clean_one(ARTICLE + "\n" + line + "\n")
        assert line in boilerplate_lines(record), line


@pytest.mark.parametrize(
    "stamp",
    [
        "Chủ Nhật, 02/02/2025, 08:00 [GMT+7]",
        "03/02/2025 14:20 (giờ Hà Nội)",
        "T2, 03/02/2025 14:20",
        "Thứ Hai, 03/02/2025 - 14:20 - Lượt xem: 245",
        "03/02/2025 - 14:20 | Chính trị",
        "Chính trị | 03/02/2025 14:20",
    ],
)
def test_timestamp_variants_and_timestamps_sharing_a_line_with_chrome(stamp):
    record = clean_one("Phó Thủ tướng hội đàm với Phó Thủ tướng Thái Lan\n" + stamp + "\n" + ARTICLE)
    assert record["title"] == "Phó Thủ tướng hội đàm với Phó Thủ tướng Thái Lan"
    assert record["published_date"] in ("2025-02-02", "2025-02-03")
    assert stamp in boilerplate_lines(record)


def test_a_dateline_with_a_place_is_not_a_timestamp():
    record = clean_one(ARTICLE + "\nHà Nội - 03/02/2025 14:20\n\nHai bên ký kết biên bản ghi nhớ về hợp tác.\n")
    assert in_body(record, "Hà Nội - 03/02/2025 14:20")


def test_source_line_under_a_caption_is_its_credit_but_not_at_the_end_or_under_a_paragraph():
    caption = "Cảng container ở Thanh Đảo, tỉnh Sơn Đông, Trung Quốc."
    record = clean_one(ARTICLE + f"\n{caption}\nNguồn: Reuters\n\nNăm 2024, kim ngạch thương mại Mỹ - Trung đạt 582 tỷ USD.\n")
    assert {"text": caption, "credit": "Reuters"} in record["captions"]
    assert not in_body(record, caption) and not in_body(record, "Nguồn: Reuters")
    # at the end of the article the line credits the article: the sentence above stays
    ending = "Năm 2024, kim ngạch thương mại Mỹ - Trung đạt 582 tỷ USD."
    record = clean_one(ARTICLE + f"\n{ending}\nNguồn: Reuters\n")
    assert in_body(record, ending) and record["captions"] == []
    assert "Reuters" in record["source_credits"]
    # under a paragraph of several sentences it cites data
    paragraph = "Kim ngạch đạt 582 tỷ USD. Mỹ nhập siêu hơn 295 tỷ USD."
    record = clean_one(ARTICLE + f"\n{paragraph}\nNguồn: Tổng cục Thống kê\n\nHai bên ký kết biên bản ghi nhớ về hợp tác.\n")
    assert in_body(record, paragraph) and record["captions"] == []


@pytest.mark.parametrize(
    ("line", "author"),
    [("Sơn Hà - Vũ Tuân thực hiện", "Sơn Hà - Vũ Tuân"), ("Minh Anh tổng hợp", "Minh Anh"), ("Minh Anh (tổng hợp)", "Minh Anh")],
)
def test_byline_with_a_note_without_brackets(line, author):
    record = clean_one(ARTICLE + "\n" + line + "\n")
    assert record["author"] == author
    assert not in_body(record, line)


def test_a_sentence_ending_with_a_note_word_is_not_a_byline():
    record = clean_one(ARTICLE + "\nKế hoạch này do Bộ Ngoại giao thực hiện.\n")
    assert record["author"] is None
    assert in_body(record, "Kế hoạch này do Bộ Ngoại giao thực hiện.")


def test_link_prompts_go_but_sentences_about_reading_more_stay():
    text = (
        ARTICLE + "\nXem toàn văn Nghị định 29/2025/NĐ-CP tại đây.\n\n"
        "Người dân có thể xem thêm thông tin về các thủ tục hành chính tại Cổng dịch vụ công của thành phố.\n"
    )
    record = clean_one(text)
    assert "Xem toàn văn Nghị định 29/2025/NĐ-CP tại đây." in boilerplate_lines(record)
    assert in_body(record, "Người dân có thể xem thêm thông tin về các thủ tục hành chính tại Cổng dịch vụ công")


@pytest.mark.parametrize(
    "line", ["Quan tâm nhất", "Cũ nhất", "(0) Bình luận", "1.234 lượt xem", "Đừng bỏ lỡ", "Tin bài khác", "Bạn đang xem: Thời sự"]
)
def test_more_widget_and_heading_phrases(line):
    record = clean_one(ARTICLE + "\n" + line + "\n\nHai bên ký kết biên bản ghi nhớ về hợp tác.\n")
    assert line in boilerplate_lines(record)
    assert in_body(record, "Hai bên ký kết biên bản ghi nhớ về hợp tác.")


def test_chrome_looking_article_lines_stay():
    kept = [
        '"Chỉ bàn làm, không bàn lùi".',
        "Theo đó, Thủ tướng giao các nhiệm vụ cụ thể:",
        "1. Bộ Giao thông vận tải chủ trì, đôn đốc các chủ đầu tư hoàn thành giải phóng mặt bằng.",
        "Ảnh hưởng của mưa lớn kéo dài khiến nhiều gói thầu chậm tiến độ.",
        "Ngày 19/12/2024, Thủ tướng đã phát lệnh khởi công 80 công trình.",
        "Xử lý nghiêm không có vùng cấm",
        "Bình luận về tình hình khu vực, Bộ trưởng cho rằng ASEAN cần giữ vững đoàn kết.",
        "Người dân có thể phản ánh vi phạm qua đường dây nóng 069.219.6006 của Phòng CSGT.",
        "Xin cảm ơn Bộ trưởng!",
    ]
    record = clean_one(ARTICLE + "\n" + "\n\n".join(kept) + "\n\nHai bên ký kết biên bản ghi nhớ về hợp tác.\n")
    for line in kept:
        assert is_body_line(record, line), line


# --- captions and bylines of the holdout_clean2 round ---------------------------------------

LEAD = "Chiều 12/3, tại Trụ sở Chính phủ, Thủ tướng tiếp Đại sứ Nhật Bản đến chào từ biệt nhân dịp kết thúc nhiệm kỳ.\n\n"
NEXT = "Hai bên nhất trí tiếp tục thúc đẩy hợp tác trong các lĩnh vực kinh tế, đầu tư và lao động.\n"


def captions_of(record: dict) -> list[tuple[str, str | None]]:
    return [(c["text"], c["credit"]) for c in record["captions"]]


def test_a_caption_separated_from_its_credit_by_a_blank_line():
    record = clean_one(LEAD + "Thủ tướng tiếp Đại sứ Nhật Bản Yamada Takio.\n\nẢnh: Dương Giang/TTXVN\n\n" + NEXT)
    assert captions_of(record) == [("Thủ tướng tiếp Đại sứ Nhật Bản Yamada Takio.", "Dương Giang/TTXVN")]
    assert not in_body(record, "Yamada Takio.") and in_body(record, NEXT.strip())


@pytest.mark.parametrize(
    "paragraph",
    [
        "Rất may, vụ cháy không gây thiệt hại về người.",  # a connective ties it to the text
        "Ông Nam cho biết sẽ kiến nghị lên thành phố.",  # reported speech
        "\"Đối thoại tốt hơn đối đầu.\"",  # a quotation
    ],
)
def test_a_one_line_paragraph_above_a_lone_credit_stays(paragraph):
    record = clean_one(LEAD + paragraph + "\n\nẢnh: TTXVN\n\n" + NEXT)
    assert is_body_line(record, paragraph)
    assert captions_of(record) == [("", "TTXVN")]


def test_a_lone_credit_keeps_a_long_line_above_it_when_another_line_follows_in_its_block():
    record = clean_one(LEAD + "Tang vật thu giữ tại hiện trường.\n\nẢnh: CAND\nCông an khuyến cáo người dân cảnh giác.\n")
    assert is_body_line(record, "Tang vật thu giữ tại hiện trường.")


def test_two_captions_in_a_row_share_one_credit():
    record = clean_one(LEAD + "Quang cảnh hội nghị.\nĐại biểu dự hội nghị.\nẢnh: TUẤN HUY\n\n" + NEXT)
    assert captions_of(record) == [("Quang cảnh hội nghị.", "TUẤN HUY"), ("Đại biểu dự hội nghị.", "TUẤN HUY")]


def test_stacked_captions_need_the_credit_to_close_their_block():
    text = (
        LEAD + "Giới phân tích đánh giá cuộc đối thoại tích cực.\nBộ trưởng Quốc phòng Trung Quốc Đổng Quân.\n"
        "Nguồn ảnh: AFP\nPhía Trung Quốc sẵn sàng duy trì các kênh liên lạc quân sự.\n"
    )
    record = clean_one(text)
    assert captions_of(record) == [("Bộ trưởng Quốc phòng Trung Quốc Đổng Quân.", "AFP")]
    assert is_body_line(record, "Giới phân tích đánh giá cuộc đối thoại tích cực.")


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        ("Ảnh: Reuters - Các đại biểu dự phiên khai mạc kỳ họp.", "Các đại biểu dự phiên khai mạc kỳ họp.", "Reuters"),
        ("Ảnh: Công an cung cấp - Các đối tượng tại cơ quan điều tra.", "Các đối tượng tại cơ quan điều tra.", "Công an cung cấp"),
        ("Ảnh: Thống Nhất - TTXVN - Tổng Bí thư Tô Lâm phát biểu.", "Tổng Bí thư Tô Lâm phát biểu.", "Thống Nhất - TTXVN"),
    ],
)
def test_a_credit_in_front_of_its_caption(line, caption, credit):
    record = clean_one(LEAD + line + "\n\n" + NEXT)
    assert captions_of(record) == [(caption, credit)]


@pytest.mark.parametrize("line", ["Ảnh: Thống Nhất – TTXVN", "Ảnh: Minh Anh - Trần Thị Bình"])
def test_a_credit_with_a_dash_is_not_split_into_a_caption(line):
    record = clean_one(LEAD + "Toàn cảnh hội nghị.\n" + line + "\n\n" + NEXT)
    assert captions_of(record) == [("Toàn cảnh hội nghị.", line.split(": ", 1)[1])]


def test_the_lead_above_a_lone_credit_is_not_a_caption():
    for lead in ("(HNMO) - Ngày 15/3, Lào và Campuchia tổ chức hội nghị thúc đẩy thương mại qua biên giới.",
                 "Kinhtedothi - Theo Bộ NN&PTNT, xuất khẩu nông lâm thủy sản 2 tháng đạt 9,3 tỷ USD."):
        record = clean_one(lead + "\nẢnh minh họa: TTXVN\n" + NEXT)
        assert record["captions"] == [{"text": "", "credit": "TTXVN"}]
        assert in_body(record, lead.split(" - ", 1)[1])


def test_infographic_credit():
    record = clean_one(LEAD + "Kết quả diễn tập khu vực phòng thủ năm 2023. Đồ họa: QĐND\n\n" + NEXT)
    assert captions_of(record) == [("Kết quả diễn tập khu vực phòng thủ năm 2023.", "QĐND")]


def test_a_video_credit_line_is_chrome_but_a_sentence_about_video_stays():
    sentence = "Video: nhiều người dân đã ghi lại cảnh tượng này."
    record = clean_one(LEAD + "Video: Thời sự VTV\n\n" + sentence + "\n\n" + NEXT)
    assert "Video: Thời sự VTV" in boilerplate_lines(record)
    assert is_body_line(record, sentence)


def test_header_timestamp_with_a_byline():
    text = "Bộ GD&ĐT công bố phương án thi tốt nghiệp năm 2025\nThứ Ba, 12/03/2024 14:20 | Minh Anh\n" + LEAD + NEXT
    record = clean_one(text)
    assert (record["title"], record["published_date"], record["author"]) == (
        "Bộ GD&ĐT công bố phương án thi tốt nghiệp năm 2025", "2024-03-12", "Minh Anh")
    assert "Thứ Ba, 12/03/2024 14:20 | Minh Anh" in boilerplate_lines(record)


def test_a_dateline_with_a_place_is_not_a_byline():
    record = clean_one("Hà Nội tổ chức lễ hội hoa xuân năm 2024\n15/3/2024 Hà Nội\n" + LEAD + NEXT)
    assert record["author"] is None


def test_an_outlet_name_between_headline_and_lead():
    text = "TPHCM ghi nhận số ca sốt xuất huyết giảm mạnh\nThứ Tư, 13/3/2024 - 06:35\nSGGP\n" + LEAD + NEXT
    record = clean_one(text)
    assert record["title"] == "TPHCM ghi nhận số ca sốt xuất huyết giảm mạnh"
    assert "SGGP" in boilerplate_lines(record)


@pytest.mark.parametrize(
    "sentence",
    [
        "Ảnh hưởng của lạm phát khiến nhiều dự án chậm tiến độ.",
        "Nổi bật là bức ảnh lịch sử ghi lại đoàn quân tiến về tiếp quản Thủ đô.",
        "Hình ảnh đất nước Việt Nam năng động sẽ luôn đọng lại trong ông.",
        "Tiến độ giải ngân",
        "Hai môn bắt buộc là Toán và Ngữ văn.",
        "\"Quy hoạch phải đi trước một bước\", Phó Thủ tướng nhấn mạnh.",
    ],
)
def test_must_keep_sentences(sentence):
    record = clean_one(LEAD + sentence + "\n\n" + NEXT)
    assert is_body_line(record, sentence)
    assert record["captions"] == []


def test_holdout_clean2_must_keep():
    gold = [json.loads(line) for line in (ROOT / "tests/gold/holdout_clean2.jsonl").read_text(encoding="utf-8").splitlines()]
    for entry in gold:
        record = clean_one((ROOT / "tests/holdout_clean2" / entry["file"]).read_text(encoding="utf-8"))
        for sentence in entry["must_keep"]:
            assert in_body(record, sentence), (entry["file"], sentence)


def test_a_caption_repeating_its_numbered_alt_text_needs_no_credit():
    record = clean_one(LEAD + "Quang cảnh buổi làm việc - Ảnh 2.\nQuang cảnh buổi làm việc.\n" + NEXT)
    assert captions_of(record) == [("Quang cảnh buổi làm việc.", None)]
    other = clean_one(LEAD + "Phó Thủ tướng làm việc với tỉnh Quảng Ninh - Ảnh 1.\nTỉnh đã hoàn thành các quy hoạch chi tiết.\n" + NEXT)
    assert is_body_line(other, "Tỉnh đã hoàn thành các quy hoạch chi tiết.")


def test_date_header_after_a_headline_is_taken_as_the_published_date():
    cleaned = clean_one(
        "Thủ tướng tiếp Đại sứ Nhật Bản\n\n"
        " date 2025-03-06 Chiều 5/3, tại Trụ sở Chính phủ, Thủ tướng Phạm Minh Chính đã tiếp Đại sứ "
        "Nhật Bản Ito Naoki nhân dịp kết thúc nhiệm kỳ công tác tại Việt Nam.\n\n"
        "Hai bên nhất trí thúc đẩy hợp tác kinh tế, thương mại và đầu tư giữa hai nước.\n"
    )
    assert cleaned["title"] == "Thủ tướng tiếp Đại sứ Nhật Bản"
    assert cleaned["published_date"] == "2025-03-06"
    assert cleaned["body"].startswith("Chiều 5/3, tại Trụ sở Chính phủ")


@pytest.mark.parametrize(
    ("byline", "author", "sources"),
    [
        ("PHƯƠNG HOA (từ Lima, Peru)", "PHƯƠNG HOA", []),
        ("Minh Anh (tại Bắc Kinh)", "Minh Anh", []),
        ("Theo Lan Anh/Báo Tin tức", "Lan Anh", ["Báo Tin tức"]),
    ],
)
def test_correspondent_and_reporter_bylines(byline, author, sources):
    cleaned = clean_one(
        "Chiều 5/3, tại Trụ sở Chính phủ, Thủ tướng Phạm Minh Chính đã tiếp Đại sứ Nhật Bản Ito Naoki "
        "nhân dịp kết thúc nhiệm kỳ công tác tại Việt Nam.\n\n"
        "Hai bên nhất trí thúc đẩy hợp tác kinh tế, thương mại và đầu tư giữa hai nước.\n\n" + byline + "\n"
    )
    assert cleaned["author"] == author
    assert cleaned["source_credits"] == sources
    assert byline not in cleaned["body"]
