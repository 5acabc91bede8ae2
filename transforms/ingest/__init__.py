"""Ingest: turn input files into `documents` records (see docs/datasets.md).

Vietnamese news reaches the pipeline in many byte forms; decoding.py finds which one a file
uses. A file that no reading makes confidently Vietnamese is quarantined with the evidence,
never passed on as garbage, and one bad file never stops the batch.

Ingest is strict, bounded and total. Every path ends as documents or quarantine rows with a
one-line, printable reason (landing.py decides which paths may be opened and reads them within
the IngestLimits); in JSON Lines and Parquet every record does, so a bad record costs only
itself. One rule for control characters holds in every format: terminal escape sequences and C0
controls other than tab and line ends are stripped (recorded as the ``control-characters``
repair) unless they are more than 1% of the input, which makes it binary (``not-text``); bidi
overrides and embeddings are stripped from text and fields alike.

The package, in the order a file meets it:

- discovery.py: which paths the inputs (files, folders, globs) name;
- landing.py: which paths may be opened, reading within limits, printable paths and reasons;
- readers/: the reader registry, one module per format (txt, html, jsonl, parquet);
- decoding.py: which reading of the bytes is the text (encodings, mojibake);
- documents.py: the document record and the repairs every format shares;
- read.py: read_documents, which sends each path to its reader, and make_ids_unique.
"""

from transforms.ingest.discovery import discover, unmatched_inputs
from transforms.ingest.landing import Rejected, printable
from transforms.ingest.read import make_ids_unique, read_documents
from transforms.ingest.readers import READERS

__all__ = ["READERS", "Rejected", "discover", "make_ids_unique", "printable", "read_documents", "unmatched_inputs"]
