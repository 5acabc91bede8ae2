"""Project tooling that is not part of the pipeline: the synthetic corpora, the HTML report, the
scoring of extractions against gold, `vnnews inspect`, and the CI checks.

Tools may import the stages in ``transforms/``; no stage imports a tool (tests/test_layout.py).
"""
