"""Project tooling that is not part of the pipeline (corpus generators, CI checks)."""
