"""The landing folder: which paths may be opened, and reading them within limits.

Every path under a landing folder ends read, or quarantined with a reason: hidden entries,
links that are broken or lead out of their folder, named pipes and devices, folders that cannot
be listed and files over the size limits are all reported, never silently left out. Links are
not followed out of the folder holding them (a link to ``/etc/passwd`` must not become an
article), and nothing is read past its limit: gzip is inflated as a stream and stopped at the
cap, so a small bomb cannot fill memory.

Paths and messages are made printable before they are stored: a file name can hold ANSI
escapes, newlines, bidi overrides or bytes that are not UTF-8, and none of that may reach a
terminal or a report raw.
"""

from __future__ import annotations

import gzip
import os
import re
import stat
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

# C0/C1 controls (newlines included: a path or a reason is one line), bidi overrides and
# embeddings, and lone surrogates (os functions hand non-UTF-8 name bytes over as U+DC80–U+DCFF).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_CHUNK = 1 << 20
_SPECIAL_FILES = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
                  (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


class Rejected(Exception):
    """A path or record that cannot become a document; reason is a short machine code."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def printable(text: str) -> str:
    """``text`` safe to print on one line: controls, bidi overrides and undecodable name bytes
    become visible escapes (``\\x1b``, ``\\u202e``, ``\\xff``) instead of acting on a terminal."""
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the original byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.3g} MB"


# --- opening ---------------------------------------------------------------------------------


def checked_file(path: Path) -> Path:
    """The regular file to open for ``path`` (its target, for a link), or Rejected saying why not."""
    if path.name.startswith("."):
        raise Rejected("hidden", "Hidden files and folders are not read: tools keep their metadata there.")
    if path.is_symlink():
        path = _link_target(path)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError as error:
        raise Rejected("unreadable", "The file does not exist.") from error
    except OSError as error:
        raise Rejected("unreadable", f"The file could not be read: {os_reason(error)}.") from error
    if stat.S_ISDIR(mode):
        try:
            os.scandir(path).close()
        except OSError as error:
            raise Rejected("unreadable", f"The folder could not be listed: {os_reason(error)}.") from error
        raise Rejected("unreadable", "The path is a folder, not a file.")
    for is_kind, kind in _SPECIAL_FILES:
        if is_kind(mode):
            raise Rejected("not-a-file", f"The path is {kind}, not a regular file: it is not opened.")
    return path


def _link_target(link: Path) -> Path:
    target = printable(os.readlink(link))
    try:
        resolved = link.resolve(strict=True)
    except (OSError, RuntimeError) as error:  # RuntimeError: a loop of links
        raise Rejected(
            "broken-link", f"The link points to {target}, which cannot be reached (missing, or a loop of links)."
        ) from error
    if not resolved.is_relative_to(link.parent.resolve()):
        raise Rejected(
            "outside-landing",
            f"The link points out of its folder, to {target}: links are not followed out of the landing folder.",
        )
    if resolved.is_dir():
        raise Rejected("linked-folder", f"The link points to the folder {target}: links to folders are not followed.")
    return resolved


def os_reason(error: OSError) -> str:
    """An OSError as a short phrase ("Permission denied"), without its class or the raw path."""
    return (error.strerror or "input/output error").rstrip(".")


# --- bounded reading -------------------------------------------------------------------------


@contextmanager
def opened(path: Path, compressed: bool) -> Iterator[BinaryIO]:
    """``path`` as a binary stream, inflated on the fly when ``compressed``."""
    with open(path, "rb") as raw:
        if not compressed:
            yield raw
            return
        with gzip.GzipFile(fileobj=raw) as inflated:
            yield inflated


def read_capped(path: Path, compressed: bool, cap: int, what: str) -> bytes:
    """The bytes of ``path`` (inflated), or Rejected as too-large once more than ``cap`` arrive."""
    chunks, size = [], 0
    with opened(path, compressed) as stream, gzip_errors_rejected():
        while chunk := stream.read(min(_CHUNK, cap + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > cap:
                raise Rejected("too-large", f"{too_large(what, cap)}{' once decompressed' if compressed else ''}.")
    return b"".join(chunks)


def too_large(what: str, cap: int) -> str:
    return f"The {what} is larger than the limit of {megabytes(cap)}"


@contextmanager
def gzip_errors_rejected() -> Iterator[None]:
    """Damaged gzip data as one readable reason, whatever the layer that noticed it."""
    try:
        yield
    except EOFError as error:
        raise Rejected("unreadable", "The gzip data is truncated: the file ends before its end marker.") from error
    except (gzip.BadGzipFile, zlib.error) as error:
        raise Rejected("unreadable", "The file is named .gz but its data is not valid gzip (damaged or not gzip).") from error
