"""Shard functions run on a thread pool at once (Prefect's ThreadPoolTaskRunner): their results
must not depend on what the other threads do, and none may change state another thread reads.

The dedup kernel once kept its polynomial power tables in a module-level list that a long block
cleared and refilled while other signature shards read it: crashes (``operands could not be
broadcast``, ``list index out of range``) and, worse, silently wrong signatures. These tests make
that kind of race likely within a second: small hash blocks, so that tables are outgrown all the
time, and a tiny thread switch interval, so that threads interleave between any two bytecodes.
"""

from __future__ import annotations

import copy
import hashlib
import importlib.util
import pickle
import sys
import types
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import numpy as np
import pyarrow as pa
import pytest

from transforms.dedup import signatures as dedup_signatures
from transforms import clean, extract, ingest
from transforms.reference import load_reference
from transforms.settings import DedupSettings, Settings
from tools.synth import generate_article, generate_corpus, write_corpus
from transforms.text import match_key

SETTINGS = DedupSettings()
THREADS = 4
SEEDS = Path(__file__).resolve().parents[2] / "seeds" / "raw"


@contextmanager
def eager_thread_switching():
    """Threads hand over the interpreter every microsecond instead of every 5 ms."""
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        yield
    finally:
        sys.setswitchinterval(interval)


def run_concurrently(jobs: list[tuple[Callable, tuple]], rounds: int) -> list[list]:
    """Every job's outcome (its result, or the exception it raised) in each of ``rounds`` runs of
    all jobs at once on ``THREADS`` threads."""
    outcomes = []
    with eager_thread_switching(), ThreadPoolExecutor(THREADS) as pool:
        for _ in range(rounds):
            futures = [pool.submit(function, *args) for function, args in jobs]
            outcomes.append([future.exception() or future.result() for future in futures])
    return outcomes


def assert_same_as_sequential(outcomes: list[list], sequential: list, same: Callable = lambda a, b: a == b) -> None:
    crashes = [f"{type(o).__name__}: {o}" for run in outcomes for o in run if isinstance(o, Exception)]
    differing = sum(not isinstance(o, Exception) and not same(o, s) for run in outcomes for o, s in zip(run, sequential))
    runs = len(outcomes) * len(sequential)
    assert not crashes and not differing, (
        f"of {runs} concurrent shard runs, {len(crashes)} crashed ({'; '.join(sorted(set(crashes))[:3])}) "
        f"and {differing} returned something else than the sequential run"
    )


def cleaned_records(texts: list[str]) -> list[dict]:
    return [{"doc_id": f"doc-{i:04d}", "body": text, "body_key": match_key(text), "published_date": None}
            for i, text in enumerate(texts)]


def fresh_dedup(hash_block: int | None = None) -> types.ModuleType:
    """A private copy of transforms/dedup/signatures.py with nothing cached yet, as in a fresh worker
    process (the tests' module has long since built and cached its tables)."""
    spec = importlib.util.spec_from_file_location("dedup_fresh_copy", dedup_signatures.__file__)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if hash_block is not None:
        module._HASH_BLOCK = hash_block
    return module


def signatures_on_threads(shards: list[list[dict]], hash_block: int | None, rounds: int) -> list[list]:
    """Each round on a fresh copy: all shards at once, while the tables get built and outgrown."""
    outcomes = []
    for _ in range(rounds):
        module = fresh_dedup(hash_block)
        outcomes += run_concurrently([(module.compute_signatures, (shard, SETTINGS)) for shard in shards], rounds=1)
    return outcomes


def test_signature_shards_on_threads_equal_the_sequential_run_with_blocks_outgrowing_the_tables():
    block = 2000  # under an article's length: most texts straddle two blocks
    documents, _ = generate_corpus(90, dup_rate=0.3, seed=2)
    texts = sorted((d["text"] for d in documents), key=len)  # blocks grow from shard to shard
    texts[10:10] = ["", "một", "\n".join(generate_article(seed).text for seed in range(22))]  # 50 KB+
    records = cleaned_records(texts)
    sizes = [1, 2, 9, 3, 17, 5, 25, 11, 8]  # shards of one block, of a few and of many
    bounds = np.cumsum([0, *sizes])
    shards = [records[a:b] for a, b in zip(bounds, bounds[1:])] + [records[bounds[-1] :]]
    lengths = [len(r["body_key"]) for r in records]
    assert max(lengths) > 25 * block and sum(lengths[:1]) < block < sum(lengths[1:3])
    assert sum(length > block for length in lengths) > 30

    sequential = [fresh_dedup(block).compute_signatures(shard, SETTINGS) for shard in shards]
    assert_same_as_sequential(signatures_on_threads(shards, block, rounds=12), sequential, same=pa.Table.equals)
    # and the sequential run is right: one shard of everything, on the tests' module, agrees
    with mock.patch.object(dedup_signatures, "_HASH_BLOCK", block):
        assert pa.concat_tables(sequential).equals(dedup_signatures.compute_signatures(records, SETTINGS))


def test_texts_of_over_two_to_the_twenty_code_points_on_threads_equal_the_sequential_run():
    """The real block size: each shard holds one text longer than a block (a whole feed pasted
    into one file), of a different length each, and a few articles."""
    articles = [generate_article(seed).text for seed in range(40)]
    shards = []
    for extra in range(4):
        repeats = (1 << 20) // len("\n".join(articles)) + 1 + extra
        shards.append(cleaned_records(["\n".join(articles * repeats), *articles[extra : extra + 5]]))
    assert all(len(shard[0]["body_key"]) > dedup_signatures._HASH_BLOCK for shard in shards)
    sequential = [fresh_dedup().compute_signatures(shard, SETTINGS) for shard in shards]
    assert_same_as_sequential(signatures_on_threads(shards, None, rounds=3), sequential, same=pa.Table.equals)


# --- every stage's shard function ----------------------------------------------------------

def module_state_digest() -> dict[str, str]:
    """A digest of every module-level container and object of ``transforms.*`` (functions,
    classes, modules and compiled patterns are code, not state)."""
    digests = {}
    for name, module in sorted(sys.modules.items()):
        if not name.startswith("transforms") or module is None:
            continue
        for attribute, value in sorted(vars(module).items()):
            if callable(value) or isinstance(value, types.ModuleType):
                continue
            if isinstance(value, np.ndarray):
                payload = value.tobytes()
            else:
                try:
                    payload = pickle.dumps(value)
                except Exception:  # noqa: BLE001 - unpicklable: its repr still shows its contents
                    payload = repr(value).encode()
            digests[f"{name}.{attribute}"] = hashlib.sha256(payload).hexdigest()
    return digests


def ingest_job(files: list[str]):
    return ingest.read_documents(files)


def clean_job(documents: list[dict]):
    return clean.clean_documents(copy.deepcopy(documents), load_reference(Settings().reference_dir))


def signature_job(cleaned: list[dict]):
    return dedup_signatures.compute_signatures(copy.deepcopy(cleaned), SETTINGS).to_pylist()


def extract_job(cleaned: list[dict]):
    gazetteer = extract.Gazetteer.from_reference(load_reference(Settings().reference_dir))
    return extract.extract_documents(copy.deepcopy(cleaned), gazetteer)


@pytest.fixture(scope="module")
def corpus_files(tmp_path_factory) -> list[str]:
    folder = write_corpus(tmp_path_factory.mktemp("corpus"), 60, dup_rate=0.3, seed=8)
    return sorted(str(p) for p in (folder / "docs").glob("*.txt")) + sorted(str(p) for p in SEEDS.glob("*"))


def test_no_shard_function_changes_module_state_and_threads_match_the_sequential_run(corpus_files):
    file_shards = [corpus_files[start : start + 13] for start in range(0, len(corpus_files), 13)]
    before = module_state_digest()
    documents = [ingest_job(files) for files in file_shards]
    cleaned = [clean_job(shard_documents) for shard_documents, _ in documents]
    sequential = (documents + cleaned + [signature_job(c) for c, _ in cleaned] + [extract_job(c) for c, _ in cleaned])
    assert all(c for c, _ in cleaned) and sum(len(c) for c, _ in cleaned) > 50

    jobs = ([(ingest_job, (files,)) for files in file_shards]
            + [(clean_job, (shard_documents,)) for shard_documents, _ in documents]
            + [(signature_job, (c,)) for c, _ in cleaned] + [(extract_job, (c,)) for c, _ in cleaned])
    with mock.patch.object(dedup_signatures, "_HASH_BLOCK", 700):  # signatures outgrow their tables here too
        outcomes = run_concurrently(jobs, rounds=2)
        blocked = [signature_job(c) for c, _ in cleaned]
    assert blocked == sequential[2 * len(file_shards) : 3 * len(file_shards)]  # the block size changes nothing
    assert_same_as_sequential(outcomes, sequential)
    after = module_state_digest()
    assert {name: after.get(name) for name in before} == before
    # the tables every thread shares are frozen
    assert not dedup_signatures._word_char_table().flags.writeable
    assert not any(table.flags.writeable for table in dedup_signatures._polynomial_powers(10))
