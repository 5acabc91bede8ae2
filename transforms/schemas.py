"""Arrow schemas of the datasets stages hand over (see docs/datasets.md).

Stages return plain records; these schemas make an empty shard still carry its columns and
keep types identical across shards.
"""

import pyarrow as pa

QUARANTINE = pa.schema(
    [
        ("doc_id", pa.string()),
        ("source_path", pa.string()),
        ("sha256", pa.string()),
        ("stage", pa.string()),
        ("reason", pa.string()),
        ("detail", pa.string()),
    ]
)

DOCUMENTS = pa.schema(
    [
        ("doc_id", pa.string()),
        ("sha256", pa.string()),
        ("source_path", pa.string()),
        ("format", pa.string()),
        ("encoding", pa.string()),
        ("repairs", pa.list_(pa.string())),
        ("text", pa.string()),
        ("url", pa.string()),
        ("title_hint", pa.string()),
        ("published_hint", pa.string()),
    ]
)

_LINE = pa.struct([("line", pa.string()), ("rule", pa.string()), ("position", pa.int32())])

CLEANED = pa.schema(
    [
        ("doc_id", pa.string()),
        ("title", pa.string()),
        ("sapo", pa.string()),
        ("body", pa.string()),
        ("body_key", pa.string()),
        ("published_date", pa.string()),
        ("published_time", pa.string()),
        ("captions", pa.list_(pa.struct([("text", pa.string()), ("credit", pa.string())]))),
        ("author", pa.string()),
        ("source_credits", pa.list_(pa.string())),
        ("removed_lines", pa.list_(_LINE)),
        ("flagged_lines", pa.list_(_LINE)),
    ]
)

DUPLICATES = pa.schema(
    [
        ("doc_id", pa.string()),
        ("canonical_id", pa.string()),
        ("method", pa.string()),
        ("similarity", pa.float64()),
        ("cluster_id", pa.string()),
    ]
)

# The dedup stage's per-document signatures, stored in the warehouse for later runs to match against.
SIGNATURES = pa.schema(
    [
        ("doc_id", pa.string()),
        ("exact_hash", pa.binary(16)),  # BLAKE2b-128 of body_key
        ("body_length", pa.int32()),  # characters of the clean body, for the canonical rule
        ("published_date", pa.string()),
        ("shingle_count", pa.int32()),
        ("shingles", pa.binary()),  # sorted distinct 32-bit shingle hashes, little-endian
        ("numbers", pa.binary()),  # sorted distinct 32-bit hashes of its numbers, little-endian
        ("minhash", pa.list_(pa.uint64())),  # null when the body has no syllable
        ("band_hashes", pa.list_(pa.uint64())),  # null when the body has no syllable
        ("canonical_id", pa.string()),  # null until matched; then the doc's canonical (itself if none)
    ]
)


def to_table(records: list[dict], schema: pa.Schema) -> pa.Table:
    """Records to a table of ``schema``; keys outside the schema are ignored, missing ones null."""
    return pa.Table.from_pylist(
        [{name: record.get(name) for name in schema.names} for record in records], schema=schema
    )

VALIDATION_RESULTS = pa.schema(
    [
        ("run_id", pa.string()),
        ("suite", pa.string()),
        ("expectation", pa.string()),
        ("column_name", pa.string()),
        ("severity", pa.string()),
        ("success", pa.bool_()),
        ("unexpected_count", pa.int64()),
        ("detail", pa.string()),
    ]
)
