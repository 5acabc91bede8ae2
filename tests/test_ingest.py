"""Ingest: encodings, containers and bad files. Re-encoded variants are generated from the seeds."""

from __future__ import annotations

import gzip
import json
import os
import unicodedata
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from viparse.normalize.tcvn3 import TCVN3
from viparse.normalize.vni import VNI

from transforms.clean import boilerplate_lines, clean_documents
from transforms import schemas
from transforms.ingest import discover, make_ids_unique, read_documents, unmatched_inputs
from transforms.reference import load_reference

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds" / "raw").glob("*.txt"))
REFERENCE = load_reference(ROOT / "seeds" / "reference")
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


# --- encoders for the legacy forms ------------------------------------------------------------
# viparse only decodes, so its tables are inverted here. Real TCVN3 has no upper-case toned
# letters (a .VnTimeH font draws the lower-case ones big): they are written lower case.


def legacy_bytes(text: str, charmap, extra: dict[str, str] | None = None) -> bytes:
    table = {unicode: legacy for legacy, unicode in charmap.pairs} | (extra or {})
    return "".join(table.get(c) or table.get(c.lower()) or c for c in text).encode("cp1252")


def tcvn3_bytes(text: str) -> bytes:
    return legacy_bytes(text, TCVN3)


def vni_bytes(text: str) -> bytes:
    return legacy_bytes(text, VNI, {"ẳ": "aú", "Ẳ": "AÚ"})


def cp1258_nfd_bytes(text: str) -> bytes:
    """Windows-1258 as Word wrote it: base letters with separate tone-mark bytes."""
    out = bytearray()
    for char in text:
        decomposed = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
        marks = "".join(c for c in decomposed if c in TONE_MARKS)
        out += (base + marks).encode("cp1258")
    return bytes(out)


def sloppy_cp1252_mojibake(text: str) -> bytes:
    """UTF-8 read as Windows-1252 (undefined bytes kept as-is, as most tools do) and saved."""
    utf8 = text.encode("utf-8")
    as_read = "".join(chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252") for b in utf8)
    return as_read.encode("utf-8")


VARIANTS = {
    "utf-16": (lambda text: text.encode("utf-16"), "utf-16", []),
    "utf-8-sig": (lambda text: text.encode("utf-8-sig"), "utf-8-sig", []),
    "cp1258-nfd": (cp1258_nfd_bytes, "cp1258", ["nfc"]),
    "tcvn3": (tcvn3_bytes, "tcvn3", None),
    "vni": (vni_bytes, "vni", []),
    "mojibake-cp1252": (sloppy_cp1252_mojibake, "utf-8", ["mojibake"]),
    "mojibake-latin1": (lambda text: text.encode("utf-8").decode("latin-1").encode("utf-8"), "utf-8", ["mojibake"]),
}


def clean_by_name(documents: list[dict]) -> dict[str, dict]:
    cleaned, _ = clean_documents(documents, REFERENCE)
    by_id = {record["doc_id"]: record for record in cleaned}
    return {Path(d["source_path"]).name: by_id[d["doc_id"]] for d in documents}


@pytest.fixture(scope="module")
def encoded_corpus(tmp_path_factory) -> tuple[list[dict], list[dict]]:
    folder = tmp_path_factory.mktemp("encodings")
    for seed in SEEDS:
        text = seed.read_text("utf-8")
        (folder / seed.name).write_bytes(text.encode("utf-8"))
        for variant, (encode, _, _) in VARIANTS.items():
            (folder / f"{seed.stem}.{variant}.txt").write_bytes(encode(text))
    return read_documents(discover([str(folder)]))


def test_every_encoding_is_detected_and_recorded(encoded_corpus):
    documents, quarantine = encoded_corpus
    assert quarantine == []
    assert list(documents[0]) == schemas.DOCUMENTS.names
    assert schemas.to_table(documents, schemas.DOCUMENTS).num_rows == len(documents)
    by_name = {Path(d["source_path"]).name: d for d in documents}
    for seed in SEEDS:
        assert by_name[seed.name]["encoding"] == "utf-8"
        for variant, (_, encoding, repairs) in VARIANTS.items():
            document = by_name[f"{seed.stem}.{variant}.txt"]
            assert document["encoding"] == encoding, variant
            if repairs is not None:
                assert document["repairs"] == repairs, variant


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_reencoded_copies_clean_to_the_same_body_key(encoded_corpus, variant):
    documents, _ = encoded_corpus
    cleaned = clean_by_name(documents)
    for seed in SEEDS:
        original, copy = cleaned[seed.name], cleaned[f"{seed.stem}.{variant}.txt"]
        assert copy["body_key"] == original["body_key"]
        assert boilerplate_lines(copy) == boilerplate_lines(original) or variant == "tcvn3"


@pytest.mark.parametrize("variant", ["utf-16", "utf-8-sig", "cp1258-nfd", "vni", "mojibake-cp1252"])
def test_lossless_copies_share_the_doc_id(encoded_corpus, variant):
    documents, _ = encoded_corpus
    by_name = {Path(d["source_path"]).name: d for d in documents}
    for seed in SEEDS:
        assert by_name[f"{seed.stem}.{variant}.txt"]["doc_id"] == by_name[seed.name]["doc_id"]


def test_tcvn3_upper_case_is_restored_where_certain(tmp_path):
    path = tmp_path / "byline.txt"
    path.write_bytes(tcvn3_bytes("Tổng Bí thư Tô Lâm làm việc với Bộ Ngoại giao.\n\nTRẦN BÌNH"))
    (document,), _ = read_documents([str(path)])
    assert document["text"].endswith("TRẦN BÌNH")
    assert "tcvn3-case" in document["repairs"]


HTML_PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>Thủ tướng tiếp Bộ trưởng Ngoại giao Singapore | Báo Điện tử Chính phủ</title>
<meta property="og:title" content="Thủ tướng tiếp Bộ trưởng Ngoại giao Singapore">
<meta property="article:published_time" content="2024-03-12T10:15:00+07:00">
<link rel="canonical" href="https://baochinhphu.vn/thu-tuong-tiep-bo-truong-ngoai-giao-singapore-102240312.htm">
</head><body>
<header><div class="top-bar">Thứ Bảy, 22/11/2025 | Đăng nhập | Đăng ký</div>
<nav class="main-menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/chinh-tri">Chính trị</a></li>
<li><a href="/kinh-te">Kinh tế</a></li><li><a href="/quoc-te">Quốc tế</a></li><li><a href="/video">Video</a></li></ul></nav>
</header>
<main><div class="breadcrumb"><a href="/">Trang chủ</a> &gt; <a href="/chinh-tri">Chính trị</a></div>
<article>
<h1>Thủ tướng tiếp Bộ trưởng Ngoại giao Singapore</h1>
<div class="detail-time">12/03/2024 10:15</div>
<div class="sapo">(Chinhphu.vn) - Sáng 12/3, tại Trụ sở Chính phủ, Thủ tướng Chính phủ Phạm Minh Chính tiếp Bộ trưởng Ngoại giao Singapore Vivian Balakrishnan đang thăm chính thức Việt Nam.</div>
<p>Thủ tướng Phạm Minh Chính đánh giá cao vai trò của Bộ trưởng Vivian Balakrishnan trong thúc đẩy quan hệ Đối tác chiến lược Việt Nam - Singapore trong thời gian qua.</p>
<p>Thủ tướng đề nghị hai bên tiếp tục phối hợp chặt chẽ tại các diễn đàn đa phương, nhất là ASEAN và Liên hợp quốc, đồng thời thúc đẩy hợp tác kinh tế số và kinh tế xanh.</p>
<div class="share">Chia sẻ <a>Facebook</a> <a>Zalo</a></div>
</article>
<aside class="related"><h3>Tin liên quan</h3><ul>
<li><a href="/a">Thủ tướng hội đàm với Thủ tướng Singapore</a></li>
<li><a href="/b">Việt Nam - Singapore nâng cấp quan hệ lên Đối tác chiến lược toàn diện</a></li></ul></aside>
<section class="comments"><h3>Ý kiến bạn đọc</h3><p>Bình luận của bạn sẽ được biên tập trước khi đăng.</p></section>
</main>
<footer><p>© Bản quyền thuộc về Cổng Thông tin điện tử Chính phủ.</p><p>Tổng Biên tập: Nguyễn Hồng Sâm</p></footer>
</body></html>"""


def test_html_page_gives_the_article_without_navigation(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    (document,), quarantine = read_documents([str(path)])
    assert quarantine == []
    assert document["format"] == "html"
    assert document["title_hint"] == "Thủ tướng tiếp Bộ trưởng Ngoại giao Singapore"
    assert document["published_hint"] == "2024-03-12"
    assert document["url"].startswith("https://baochinhphu.vn/")
    for chrome in ("Đăng nhập", "Trang chủ", "Kinh tế", "Tin liên quan", "Thủ tướng hội đàm với Thủ tướng Singapore",
                   "Bình luận của bạn", "Bản quyền", "Tổng Biên tập", "22/11/2025"):
        assert chrome not in document["text"]
    assert "thúc đẩy hợp tác kinh tế số và kinh tế xanh" in document["text"]
    (record,), _ = clean_documents([document], REFERENCE)
    assert record["title"] == "Thủ tướng tiếp Bộ trưởng Ngoại giao Singapore"
    assert (record["published_date"], record["published_time"]) == ("2024-03-12", "10:15")
    assert record["body"].startswith("Sáng 12/3, tại Trụ sở Chính phủ")
    assert "Chinhphu.vn" in record["source_credits"]


def test_html_in_a_legacy_charset(tmp_path):
    path = tmp_path / "page.htm"
    path.write_bytes(HTML_PAGE.replace('charset="utf-8"', 'charset="windows-1258"').encode("utf-8"))
    (document,), _ = read_documents([str(path)])  # a wrong declaration falls back to sniffing
    assert "Thủ tướng đề nghị hai bên" in document["text"]
    path.write_bytes(cp1258_nfd_bytes(HTML_PAGE.replace('charset="utf-8"', 'charset="windows-1258"')))
    (document,), _ = read_documents([str(path)])
    assert "Thủ tướng đề nghị hai bên" in document["text"]


RECORDS = [
    {"text": SEEDS[1].read_text("utf-8"), "url": "https://example.vn/a", "title": None, "published": "2025-09-16"},
    {"text": SEEDS[3].read_text("utf-8"), "title": "Phó Thủ tướng làm việc với Bộ Ngoại giao"},
]


def write_jsonl(path: Path, lines: list[str]) -> None:
    content = "\n".join(lines).encode("utf-8")
    path.write_bytes(gzip.compress(content) if path.suffix == ".gz" else content)


@pytest.mark.parametrize("name", ["news.jsonl", "news.jsonl.gz"])
def test_jsonl_records_and_their_bad_lines(tmp_path, name):
    path = tmp_path / name
    lines = [json.dumps(r, ensure_ascii=False) for r in RECORDS]
    lines += ["{not json", json.dumps({"url": "https://example.vn/no-text"}), "",
              json.dumps({"text": "The quick brown fox jumps over the lazy dog again and again."})]
    write_jsonl(path, lines)
    documents, quarantine = read_documents([str(path)])
    assert [d["source_path"] for d in documents] == [f"{path}#1", f"{path}#2"]
    assert documents[0]["url"] == "https://example.vn/a" and documents[0]["published_hint"] == "2025-09-16"
    assert documents[1]["title_hint"] == "Phó Thủ tướng làm việc với Bộ Ngoại giao"
    assert all(d["format"] == "jsonl" for d in documents)
    assert [(q["source_path"], q["reason"]) for q in quarantine] == [
        (f"{path}#3", "bad-record"), (f"{path}#4", "bad-record"), (f"{path}#6", "not-vietnamese")]


def test_jsonl_text_carrying_mojibake_is_repaired(tmp_path):
    path = tmp_path / "mojibake.jsonl"
    text = SEEDS[0].read_text("utf-8")
    write_jsonl(path, [json.dumps({"text": text.encode("utf-8").decode("latin-1")})])
    (document,), _ = read_documents([str(path)])
    assert document["text"] == text and document["repairs"] == ["mojibake"]


def test_parquet_rows(tmp_path):
    path = tmp_path / "news.parquet"
    table = pa.table({"text": [r["text"] for r in RECORDS] + ["   "], "url": ["https://example.vn/a", None, None]})
    pq.write_table(table, path)
    documents, quarantine = read_documents([str(path)])
    assert [d["source_path"] for d in documents] == [f"{path}#0", f"{path}#1"]
    assert documents[0]["url"] == "https://example.vn/a" and documents[0]["format"] == "parquet"
    assert [(q["source_path"], q["reason"]) for q in quarantine] == [(f"{path}#2", "empty")]


def test_bad_files_are_quarantined_and_the_batch_continues(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(SEEDS[0].read_text("utf-8"), encoding="utf-8")
    bad = {
        "empty.txt": b"",
        "blank.txt": b"  \n\t\n",
        "image.txt": b"\x89PNG\r\n\x1a\n" + os.urandom(200),
        "random.txt": bytes((i * 97 + 13) % 256 for i in range(4000) if (i * 97 + 13) % 256),
        "english.txt": b"Prime Minister meets Singaporean Foreign Minister in Hanoi on Tuesday.",
        "lossy-mojibake.txt": SEEDS[0].read_text("utf-8").encode("utf-8").decode("cp1252", errors="replace").encode(),
        "table.parquet": b"not parquet at all",
    }
    for name, content in bad.items():
        (tmp_path / name).write_bytes(content)
    (tmp_path / "folder.txt").mkdir()
    paths = [str(tmp_path / name) for name in sorted(bad)] + [str(tmp_path / "folder.txt"), str(tmp_path / "missing.txt"), str(good)]
    documents, quarantine = read_documents(paths)
    assert [d["source_path"] for d in documents] == [str(good)]
    reasons = {Path(q["source_path"]).name: q["reason"] for q in quarantine}
    assert reasons == {
        "blank.txt": "empty",
        "empty.txt": "empty",
        "english.txt": "not-vietnamese",
        "image.txt": "not-text",
        "lossy-mojibake.txt": "undecodable",
        "random.txt": "not-text",  # 12% control bytes: binary
        "table.parquet": "unreadable",
        "folder.txt": "unreadable",
        "missing.txt": "unreadable",
    }
    assert all(q["detail"] and q["stage"] == "ingest" and q["doc_id"] is None for q in quarantine)


def test_the_same_text_in_two_files_gets_two_ids(encoded_corpus):
    documents, _ = encoded_corpus
    copies = [d for d in documents if d["sha256"] == documents[0]["sha256"]]
    assert len(copies) > 1 and len({d["doc_id"] for d in copies}) == 1
    seen = {"already-there"}
    unique = make_ids_unique(copies, seen)
    assert unique[0]["doc_id"] == copies[0]["doc_id"]
    assert len({d["doc_id"] for d in unique}) == len(copies) and seen >= {d["doc_id"] for d in unique}
    assert {d["sha256"] for d in unique} == {copies[0]["sha256"]}
    assert make_ids_unique(copies, set()) == make_ids_unique(copies, set())


def test_discover_expands_folders_and_globs_sorted(tmp_path):
    for name in ("b/2.txt", "a/1.txt", "a/deep/3.jsonl", ".hidden/x.txt", "a/.cache.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = discover([str(tmp_path / "b"), str(tmp_path / "a" / "**" / "*.jsonl"), str(tmp_path / "a")])
    relative = [str(Path(p).relative_to(tmp_path)) for p in found]
    # hidden entries are listed, a hidden folder once and unwalked, so that ingest reports them
    assert relative == ["a/.cache.txt", "a/1.txt", "a/deep/3.jsonl", "b/2.txt"]
    everything = [str(Path(p).relative_to(tmp_path)) for p in discover([str(tmp_path)])]
    assert everything == [".hidden", *relative]
    assert discover([str(tmp_path / "nope.txt")]) == [str(tmp_path / "nope.txt")]


def test_inputs_that_name_nothing_are_missing_paths_empty_globs_and_folders_without_files(tmp_path):
    (tmp_path / "empty" / "deeper").mkdir(parents=True)
    (tmp_path / "landing" / "day").mkdir(parents=True)
    (tmp_path / "landing" / "day" / "1.txt").write_text("x", encoding="utf-8")
    (tmp_path / "dangling").symlink_to(tmp_path / "gone.txt")
    entries = [str(tmp_path / name) for name in ("landing", "typo.txt", "empty", "landing/**/*.html",
                                                 "landing/**/*.txt", "dangling")]
    assert unmatched_inputs(entries) == [entries[1], entries[2], entries[3]]
