"""How well dedup finds the copies of a synthetic corpus, whose truth says what copies what."""

from __future__ import annotations


def evaluate_dedup(duplicates: list[dict], truth: dict) -> dict:
    """Pairwise precision and recall of ``duplicates`` against a synthetic corpus' ``truth``.

    ``duplicates`` must use the truth's file names as doc_ids. A copy is recalled when it ends up
    in the cluster of its original; a false merge is a pair of documents put in one cluster whose
    truth clusters differ. Returns per edit type ``{copies, recalled, recall, false_merges,
    precision}`` plus ``overall``.
    """
    predicted = {file: file for file in truth}
    predicted.update({row["doc_id"]: row["canonical_id"] for row in duplicates})
    members: dict[str, list[str]] = {}
    for file, cluster in predicted.items():
        members.setdefault(cluster, []).append(file)
    report: dict[str, dict] = {}
    for file, record in truth.items():
        edit = record["edit"] or "original"
        mates = [other for other in members[predicted[file]] if other != file]
        false = sum(truth[other]["cluster"] != record["cluster"] for other in mates)
        entry = report.setdefault(edit, {"copies": 0, "recalled": 0, "pairs": 0, "false_merges": 0})
        entry["pairs"] += len(mates)
        entry["false_merges"] += false
        if record["duplicate_of"]:
            entry["copies"] += 1
            entry["recalled"] += predicted[file] == predicted[record["duplicate_of"]]
    overall = {key: sum(entry[key] for entry in report.values()) for key in ("copies", "recalled", "pairs", "false_merges")}
    overall["false_merges"] //= 2  # every false pair was counted from both ends
    overall["pairs"] //= 2
    for entry in [*report.values(), overall]:
        entry["recall"] = entry["recalled"] / entry["copies"] if entry["copies"] else None
        entry["precision"] = 1 - entry["false_merges"] / entry["pairs"] if entry["pairs"] else None
    report["overall"] = overall
    return report
