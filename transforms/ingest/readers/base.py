"""What a reader is: one class per input format, with one signature every reader shares."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path

from transforms.ingest.documents import Batch
from transforms.ingest.landing import read_capped
from transforms.settings import IngestLimits


@dataclass(frozen=True)
class InputFile:
    """One file to read: ``path`` is the regular file to open (a link's target), ``source`` the
    path as discovered (stored as ``source_path``), ``compressed`` whether it is gzip."""

    path: Path
    source: str
    compressed: bool

    def read_capped(self, cap: int, what: str) -> bytes:
        """All its bytes (inflated), or Rejected as too-large past ``cap``."""
        return read_capped(self.path, self.compressed, cap, what)


class Reader(ABC):
    """Reads one format: appends to ``batch`` a document per record it reads and a quarantine
    row per record it cannot, or raises Rejected (the whole file is quarantined with the reason).

    ``name`` is stored as the document's ``format``; ``suffixes`` are the file name endings it
    reads (``.gz`` after any of them is inflated first). Register a new reader in
    transforms/ingest/readers/__init__.py.
    """

    name: str
    suffixes: tuple[str, ...]

    @abstractmethod
    def read(self, file: InputFile, batch: Batch, limits: IngestLimits) -> None: ...
