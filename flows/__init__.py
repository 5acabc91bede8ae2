"""Prefect wiring of the vnnews pipeline: the flow, one task per stage, and the CLI."""
