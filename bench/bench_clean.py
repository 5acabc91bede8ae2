"""Throughput of the clean stage on a large synthetic corpus.

Documents are built deterministically by recombining the seed articles' paragraphs with the
page furniture of several outlet styles (menus, timestamps, captions with credits, bylines,
related links, follow prompts) and cleaned the way the flow's clean stage does it
(flows/stages.py ``clean``): on shards of ``Settings.shard_size`` documents, one thread per core,
``recurring_evidence`` of every shard, one count of the recurring lines over all of it, then
``clean_documents(shard, reference, recurring)`` (one shard is cleaned directly). The timing
covers all three steps. The output must not depend on the shards, so it is then checked against
all documents cleaned as one batch; any difference ends the run with status 1.

    .venv/bin/python bench/bench_clean.py --docs 50000
"""

from __future__ import annotations

import argparse
import hashlib
import random
import resource
import sys
import time
from collections.abc import Iterator, Sequence
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.flow_shards import SHARD_SIZE, WORKERS, require_same, run_concurrently, shards_of  # noqa: E402
from transforms.clean import clean_documents, evidence_rows, recurring_evidence, recurring_keys  # noqa: E402
from transforms.reference import load_reference  # noqa: E402

HEADERS = [
    ["Thời sự", "Chính trị", "Thứ ba, {d:02d}/{m:02d}/{y}, {h:02d}:{mi:02d} (GMT+7)"],
    ["Tin mới Thời sự Thế giới Kinh tế Xã hội Pháp luật", "Trang chủ > Chính trị > Đối ngoại"],
    ["Cập nhật: {h:02d}:{mi:02d}, {d:02d}/{m:02d}/{y}"],
    [" date {y}-{m:02d}-{d:02d}"],
    [],
]
LEAD_PREFIXES = ["", "(Baohatinh.vn) - ", "TTO - ", "VOV.VN - ", "(Chinhphu.vn) - ", "(Dân trí) - "]
CREDITS = ["Ảnh: Thống Nhất – TTXVN", "(Ảnh: TTXVN)", "Ảnh: VGP/Nhật Bắc", "- Ảnh: GIA HÂN", "(Ảnh: Reuters)"]
BYLINES = ["TRẦN BÌNH", "B.T.V (Theo VGP)", "(TTXVN/Vietnam+)", "Hoàng Anh/VOV.VN", "Minh Anh (tổng hợp)", "PV"]
FOOTERS = [
    ["Tin cùng chuyên mục"],
    ["Chủ đề Chủ trương - Chính sách", "Đọc thêm", "Tin mới Emagazine Truyền hình Podcast"],
    ["TIN LIÊN QUAN", "Thủ tướng tiếp Đại sứ Hàn Quốc", "Mời bạn đọc theo dõi Tuổi Trẻ trên Google News."],
    ["Chia sẻ", "Bình luận (0)", "Từ khóa: đối ngoại, hội nhập quốc tế"],
    [],
]


def seed_paragraphs() -> tuple[list[str], list[str]]:
    """(article paragraphs, headline-like lines) of the seed articles."""
    paragraphs, headlines = [], []
    for path in sorted((ROOT / "seeds" / "raw").glob("*.txt")):
        for block in path.read_text(encoding="utf-8").split("\n\n"):
            block = block.strip()
            if len(block.split()) >= 15 and "Ảnh" not in block:
                paragraphs.append(block.replace(" date 2025-09-16 ", ""))
            elif 6 <= len(block.split()) <= 25 and not block.endswith("."):
                headlines.append(block)
    return paragraphs, headlines


def synthetic_documents(count: int, seed: int) -> Iterator[dict]:
    rng = random.Random(seed)
    paragraphs, headlines = seed_paragraphs()
    for number in range(count):
        when = {"d": rng.randint(1, 28), "m": rng.randint(1, 12), "y": rng.randint(2019, 2025),
                "h": rng.randint(0, 23), "mi": rng.randint(0, 59)}
        lines = [line.format(**when) for line in rng.choice(HEADERS)]
        lines.append(rng.choice(headlines))
        body = rng.sample(paragraphs, rng.randint(4, 10))
        body[0] = rng.choice(LEAD_PREFIXES) + body[0]
        for _ in range(rng.randint(0, 3)):
            caption = rng.choice(paragraphs).split(". ")[0].rstrip(".") + ". " + rng.choice(CREDITS)
            body.insert(rng.randint(1, len(body)), caption)
        body.append(f"Bài viết số {number}: {rng.choice(paragraphs)}")  # keeps every text unique
        lines += body + [rng.choice(BYLINES)] + rng.choice(FOOTERS)
        text = "\n\n".join(lines)
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        yield {"doc_id": sha[:16], "sha256": sha, "source_path": f"synthetic#{number}", "text": text}


REFERENCE_DIR = ROOT / "seeds" / "reference"


def clean_in_shards(shards: Sequence[Sequence[dict]], workers: int) -> tuple[list[dict], list[dict]]:
    """The transform calls of flows/stages.py ``clean`` (its Parquet reads and writes aside)."""
    recurring = None
    if len(shards) > 1:
        evidence = run_concurrently(evidence_of_shard, shards, workers)
        recurring = frozenset(recurring_keys(row for table in evidence for row in evidence_rows(table)))
    results = run_concurrently(partial(clean_shard, recurring=recurring), shards, workers)
    return [row for cleaned, _ in results for row in cleaned], [row for _, quarantine in results for row in quarantine]


def evidence_of_shard(shard: Sequence[dict]):
    return recurring_evidence(list(shard), load_reference(REFERENCE_DIR))


def clean_shard(shard: Sequence[dict], recurring: frozenset[str] | None) -> tuple[list[dict], list[dict]]:
    return clean_documents(list(shard), load_reference(REFERENCE_DIR), recurring)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=50_000)
    parser.add_argument("--shard-size", type=int, default=SHARD_SIZE, help="default: Settings.shard_size, as the flow")
    parser.add_argument("--workers", type=int, default=WORKERS, help="threads (default: one per core, as the flow)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    documents = list(synthetic_documents(args.docs, args.seed))
    shards = shards_of(documents, args.shard_size)
    clean_documents(documents[:10], load_reference(REFERENCE_DIR))  # first calls (regexes, caches) untimed
    started, cpu_started = time.perf_counter(), time.process_time()
    cleaned, quarantined = clean_in_shards(shards, args.workers)
    cleaning_seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    total_docs = len(documents)
    total_bytes = sum(len(document["text"].encode("utf-8")) for document in documents)
    cleaned_docs = len(cleaned)

    reference_cleaned, reference_quarantined = clean_documents(documents, load_reference(REFERENCE_DIR))
    require_same("cleaned records", cleaned, reference_cleaned)
    require_same("quarantine rows", quarantined, reference_quarantined)

    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB
    megabytes = total_bytes / 1e6
    print(f"documents      {total_docs} ({cleaned_docs} cleaned) in {len(shards)} shards of {args.shard_size}, "
          f"{args.workers} threads")
    print(f"input          {megabytes:.1f} MB UTF-8, {total_bytes / total_docs / 1e3:.1f} kB/doc")
    print(f"clean time     {cleaning_seconds:.1f} s wall, {cpu_seconds:.1f} s CPU (all threads)")
    print(f"throughput     {megabytes / cleaning_seconds:.2f} MB/s, {total_docs / cleaning_seconds:.0f} docs/s (wall)")
    print(f"               {megabytes / cpu_seconds:.2f} MB/s, {total_docs / cpu_seconds:.0f} docs/s (CPU time)")
    print(f"peak memory    {peak_mib:.0f} MiB (max RSS of the process)")


if __name__ == "__main__":
    main()
