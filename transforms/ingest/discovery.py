"""Discovery: which paths a run's inputs (files, folders, globs) name.

Discovery lists, it does not judge: hidden entries, links, special files and folders that
cannot be listed are all listed, so that reading quarantines each with its reason
(transforms/ingest/landing.py) instead of leaving it out unseen.
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Sequence

_GLOB_CHARS = re.compile(r"[*?\[]")


def discover(inputs: Sequence[str]) -> list[str]:
    """Expand folders (recursively) and globs into a sorted list of paths to read.

    Inside a folder every entry is listed except sub-folders, which are walked; links are listed,
    not followed, and so are hidden entries, special files and folders that cannot be listed, so
    that read_documents quarantines each with its reason. A path that does not exist is kept for
    the same reason.
    """
    return discover_inputs(inputs)[0]


def discover_inputs(inputs: Sequence[str]) -> tuple[list[str], list[str]]:
    """(the paths ``discover`` returns, the entries of ``inputs`` that name nothing to read).

    An entry names nothing when no path matches it (a mistyped path, an empty glob) or when it
    is a folder with no file under it: for a person typing ``--input`` that is a mistake to
    report, while a scheduled run quarantines a missing path like any unreadable one.
    """
    found: set[str] = set()
    unmatched = []
    for entry in inputs:
        matches = glob.glob(entry, recursive=True)
        paths = [path for match in (matches if _GLOB_CHARS.search(entry) else [entry]) for path in _paths_under(match)]
        if not matches or not paths:
            unmatched.append(entry)
        found.update(paths)
    return sorted(found), unmatched


def _paths_under(entry: str) -> list[str]:
    if not os.path.isdir(entry):  # (a folder given through a link is walked: the user named it)
        return [entry]
    paths, folders = [], [entry]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as entries:
                children = list(entries)
        except OSError:
            paths.append(folder)  # read_documents says why it cannot be listed
            continue
        for child in children:
            walk = child.is_dir(follow_symlinks=False) and not child.name.startswith(".")
            (folders if walk else paths).append(child.path)
    return paths
