"""Discovery: which paths a run's inputs (files, folders, globs) name.

Discovery lists, it does not judge: hidden entries, links, special files and folders that
cannot be listed are all listed, so that reading quarantines each with its reason
(transforms/ingest/landing.py) instead of leaving it out unseen.
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Iterator, Sequence

_GLOB_CHARS = re.compile(r"[*?\[]")


def discover(inputs: Sequence[str]) -> list[str]:
    """Expand folders (recursively) and globs into a sorted list of paths to read.

    Inside a folder every entry is listed except sub-folders, which are walked; links are listed,
    not followed, and so are hidden entries, special files and folders that cannot be listed, so
    that read_documents quarantines each with its reason. A path that does not exist is kept for
    the same reason.
    """
    found: set[str] = set()
    for entry in inputs:
        matches = glob.glob(entry, recursive=True) if _GLOB_CHARS.search(entry) else [entry]
        for match in matches:
            found.update(_paths_under(match))
    return sorted(found)


def unmatched_inputs(inputs: Sequence[str]) -> list[str]:
    """The entries of ``inputs`` that name nothing to read: no path matches them (a mistyped
    path, an empty glob), or each match is a folder with no file under it.

    For a person typing ``--input`` that is a mistake to report, while a scheduled run
    quarantines a missing path like any unreadable one. A check, not a listing: it stops at the
    first path an entry names, so the run still discovers its inputs only once.
    """
    return [entry for entry in inputs
            if not any(next(_paths_under(match), None) is not None for match in glob.iglob(entry, recursive=True))]


def _paths_under(entry: str) -> Iterator[str]:
    if not os.path.isdir(entry):  # (a folder given through a link is walked: the user named it)
        yield entry
        return
    folders = [entry]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as entries:
                children = list(entries)
        except OSError:
            yield folder  # read_documents says why it cannot be listed
            continue
        for child in children:
            if child.is_dir(follow_symlinks=False) and not child.name.startswith("."):
                folders.append(child.path)
            else:
                yield child.path
