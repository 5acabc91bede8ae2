"""One settings object, injected into every stage (never read from globals)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

STAGES = ("ingest", "clean", "dedup", "extract", "validate", "load")


@dataclass(frozen=True)
class DedupSettings:
    """MinHash-LSH parameters, tuned for syndicated news (see transforms/dedup.py)."""

    shingle_size: int = 5
    num_perm: int = 128
    bands: int = 32
    jaccard_threshold: float = 0.5
    containment_threshold: float = 0.8
    seed: int = 1


@dataclass(frozen=True)
class Settings:
    inputs: tuple[str, ...] = ("seeds/raw",)
    lake_dir: Path = Path("data/lake")
    warehouse_path: Path = Path("warehouse/news.duckdb")
    reference_dir: Path = Path("seeds/reference")
    expectations_dir: Path = Path("expectations")
    sql_dir: Path = Path("warehouse")
    shard_size: int = 2000
    dedup: DedupSettings = field(default_factory=DedupSettings)
