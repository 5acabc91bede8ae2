"""Parquet: one document or quarantine row per row of a string ``text`` column, read in batches."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq

from transforms.ingest.documents import RECORD_PUBLISHED_KEYS, Batch, record_document
from transforms.ingest.landing import Rejected, read_capped, too_large
from transforms.ingest.readers.base import InputFile, Reader
from transforms.settings import IngestLimits


class ParquetReader(Reader):
    name = "parquet"
    suffixes = (".parquet",)

    def read(self, file: InputFile, batch: Batch, limits: IngestLimits) -> None:
        parquet = _parquet_file(file, limits)
        schema = parquet.schema_arrow
        if "text" not in schema.names:
            raise Rejected("bad-record", f"The Parquet file has no 'text' column (columns: {', '.join(schema.names)[:300]}).")
        if not pa.types.is_string(schema.field("text").type) and not pa.types.is_large_string(schema.field("text").type):
            raise Rejected("bad-record", f"The Parquet 'text' column holds {schema.field('text').type}, not strings.")
        wanted = [name for name in ("text", "url", "title", *RECORD_PUBLISHED_KEYS) if name in schema.names]
        batches, row = parquet.iter_batches(columns=wanted, batch_size=256), 0
        while True:
            try:
                record_batch = next(batches, None)
            except Exception as error:  # noqa: BLE001 — pyarrow raises several unrelated types
                raise Rejected("unreadable", f"The Parquet data is damaged at row {row}: rows from {row} on were not read.") from error
            if record_batch is None:
                return
            for record in record_batch.to_pylist():
                record_path = f"{file.source}#{row}"
                try:
                    batch.documents.append(record_document(record, record_path, self.name, limits))
                except Rejected as rejected:
                    batch.reject(record_path, rejected.reason, rejected.detail)
                row += 1


def _parquet_file(file: InputFile, limits: IngestLimits) -> pq.ParquetFile:
    """The Parquet file, refused when damaged or when its data would inflate past the file limit."""
    source = pa.BufferReader(read_capped(file.path, True, limits.max_file_bytes, "Parquet file")) if file.compressed else file.path
    try:
        parquet = pq.ParquetFile(source)
    except Exception as error:  # noqa: BLE001 — pyarrow raises several unrelated types
        raise Rejected(
            "unreadable", "Not a readable Parquet file: its footer is missing or damaged (truncated, or not Parquet)."
        ) from error
    metadata = parquet.metadata
    inflated = sum(metadata.row_group(group).total_byte_size for group in range(metadata.num_row_groups))
    if inflated > limits.max_file_bytes:
        raise Rejected("too-large", f"{too_large('Parquet data', limits.max_file_bytes)} once decompressed.")
    return parquet
