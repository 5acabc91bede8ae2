"""The validate stage: the GX suites on the lake's staging views, before anything touches the
warehouse (``verdict``: what quarantines documents and what stops the run; ``suites``: running
the checkpoints; ``outcome``: the findings)."""

from transforms.validate.outcome import ValidationOutcome
from transforms.validate.suites import expectation_parameters, run_suites
from transforms.validate.verdict import validate_lake

__all__ = ["ValidationOutcome", "expectation_parameters", "run_suites", "validate_lake"]
