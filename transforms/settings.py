"""One settings object, injected into every stage (never read from globals)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

STAGES = ("ingest", "clean", "dedup", "extract", "validate", "load")


@dataclass(frozen=True)
class DedupSettings:
    """MinHash-LSH parameters, tuned for syndicated Vietnamese news (see transforms/dedup/).

    Shingles are ``shingle_size`` consecutive syllables of the matching key. Measured on the
    synthetic corpus (``tools.synth``) and the seed articles, 5-syllable shingles give:

    ========================  ===================  ==========================================
    pair                      Jaccard              containment (|A∩B| / |smaller|)
    ========================  ===================  ==========================================
    copy, 2% / 5% word edits  0.80 / 0.60 (1st %)  0.90 / 0.76
    copy, 10% word edits      0.38 (1st pct)       0.56
    copy, 20% word edits      0.17–0.22            0.29–0.36 (not a copy any more: not merged)
    truncated to 50% / 70%    0.46 / 0.66          ≥ 0.97
    same template, other      ≤ 0.22 (max of 4.5M  ≤ 0.41
    people/dates/country      pairs)
    real unrelated articles   0.003–0.018          ≤ 0.05
    same event, other outlet  0.08                 0.18
    ========================  ===================  ==========================================

    3- and 4-syllable shingles separate copies from hard negatives by the same ratio (~1.7) but
    their unrelated pairs score 10× / 4× higher (3-grams: 0.03–0.07 on the seeds), which costs
    that many more LSH candidates; 6+ pushes 10%-edit copies under 0.3.

    LSH: ``num_perm = bands × rows``; a pair becomes a candidate with probability
    ``1 - (1 - J**rows)**bands``. With 64 bands × 3 rows (192 bins):

    ====  ======  =======  =======  =======  ========  =============
    J     0.05    0.1      0.2      0.38     0.5       0.6
    ====  ======  =======  =======  =======  ========  =============
    64×3  0.008   0.062    0.40     0.973    0.9998    1.0
    32×4  0.0002  0.0032   0.050    0.49     0.873     0.988
    14×8  ~0      ~0       ~0       0.0061   0.053     0.21  (datatrove)
    42×3  0.005   0.041    0.29     0.91     0.996     1.0
    ====  ======  =======  =======  =======  ========  =============

    64×3 is the cheapest layout with P ≥ 0.99 at J = 0.5 and ≥ 0.97 for the 10%-edit floor
    (0.38); more rows would need hundreds of bands for the same recall. Unrelated news
    (J ≈ 0.01) becomes a candidate with probability ~6e-5; a candidate is merged only after
    verification on its exact shingle sets, so LSH bounds recall and work, never precision.

    An LSH bucket of more than ``max_bucket_size`` documents is a stock phrase that won the bins
    of many articles, not a cluster of copies (on the synthetic corpus every bucket above 10 mixed
    unrelated articles): it pairs each member with its first one only, which keeps the candidate
    count linear in such buckets (20k docs: 1.23M candidates → 272k, recall unchanged).

    A verified pair is ``near`` at Jaccard ≥ ``jaccard_threshold`` (0.3: between the hard
    negatives' 0.22 and the 10%-edit copies' 0.38) and ``contained`` at containment ≥
    ``containment_threshold`` (0.8: truncated copies ≥ 0.97, unrelated ≤ 0.41) when the smaller
    text is at most ``containment_threshold`` of the larger one and has ≥
    ``min_contained_shingles`` shingles (two sentences), so that a one-line text is not
    "contained" in every article that quotes it.

    Both also need the figures to agree: at least ``min_figure_agreement`` of the numbers (dates,
    amounts, counts) of the text with fewer numbers must occur in the other. Copies keep ≥ 0.8 of
    them (10% edits: ~0.9); template twins share a year or two out of a dozen. Measured at 200k
    documents, a truncated copy of a templated lead reached Jaccard 0.32 with another official's
    visit to the same country: the figures told them apart.
    """

    shingle_size: int = 5
    num_perm: int = 192
    bands: int = 64
    jaccard_threshold: float = 0.3
    containment_threshold: float = 0.8
    min_contained_shingles: int = 30
    min_figure_agreement: float = 0.5
    max_bucket_size: int = 20
    seed: int = 1

    def __post_init__(self) -> None:
        if self.num_perm % self.bands:
            raise ValueError(f"num_perm ({self.num_perm}) must be a multiple of bands ({self.bands})")


@dataclass(frozen=True)
class IngestLimits:
    """Sizes past which an input is quarantined as ``too-large`` at ingest, before any work.

    A Vietnamese news article is 2–60 KB of UTF-8 text and its web page 50 KB–1.5 MB (inline
    scripts and styles included), so the limits leave an order of magnitude of room while
    stopping what would otherwise stall a run: a 30 MB one-line "document" spent 5 minutes in
    extract, and a 194 KB gzip bomb inflated to 200 MB in memory.

    * ``max_document_bytes``: the UTF-8 text of one document (a .txt file, one JSON Lines or
      Parquet record's ``text``). A JSON Lines line may be up to 4× as long, because JSON's
      ``\\uXXXX`` escapes write one Vietnamese letter in 6 bytes.
    * ``max_page_bytes``: the markup of one HTML page.
    * ``max_file_bytes``: a whole file after decompression (a .gz is inflated as a stream and
      stopped at this size; a Parquet file's uncompressed size is read from its footer).
    """

    max_document_bytes: int = 2 * 1024 * 1024
    max_page_bytes: int = 8 * 1024 * 1024
    max_file_bytes: int = 256 * 1024 * 1024


@dataclass(frozen=True)
class ValidationSettings:
    """What the validate stage (transforms/validate/) tolerates before it quarantines a
    document, and before it refuses a whole run.

    Dates: anything from ``earliest_day`` on is a date an article may report — history and
    anniversary pieces date events of the 19th and 20th centuries ("Ngày 3/2/1930, Đảng …"),
    the first Vietnamese newspaper is of 1865 — and the extractor only writes 4-digit years, so
    an earlier day is a misread, not history. A publication is never in the future beyond
    ``published_future_days`` (clock and time-zone skew); an event may be announced ahead, up
    to ``event_future_days``. An event more than ``far_from_published_days`` away from its
    publication is only a warning: most are history pieces, some are misread years.

    A document failing a critical row expectation (a date out of range, a null body …) is
    quarantined and the rest loads. The run fails when more than ``max_failing_share`` of a
    table's documents, and more than ``failing_allowance`` of them, fail critical row
    expectations: at that rate it is the code or an upstream format that broke, not a few
    documents (a landing folder of three documents with one bad one still loads two).
    """

    earliest_day: str = "1800-01-01"
    published_future_days: int = 1
    event_future_days: int = 31
    far_from_published_days: int = 31
    max_failing_share: float = 0.10
    failing_allowance: int = 5


# The project's own assets (gazetteers, SQL, GX suites) are found from the code, so vnnews works
# from any folder; data paths (inputs, lake, warehouse) are relative to where it runs.
PROJECT_DIR = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Settings:
    inputs: tuple[str, ...] = ("seeds/raw",)
    lake_dir: Path = Path("data/lake")
    warehouse_path: Path = Path("warehouse/news.duckdb")
    reference_dir: Path = PROJECT_DIR / "seeds" / "reference"
    expectations_dir: Path = PROJECT_DIR / "expectations"
    sql_dir: Path = PROJECT_DIR / "warehouse"
    shard_size: int = 2000
    # False: documents whose content the warehouse already holds are skipped at ingest.
    reprocess: bool = False
    dedup: DedupSettings = field(default_factory=DedupSettings)
    ingest: IngestLimits = field(default_factory=IngestLimits)
    validation: ValidationSettings = field(default_factory=ValidationSettings)
