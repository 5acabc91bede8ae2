"""The load stage: one run's lake merged into the warehouse in a single transaction (``merge``).

Connections, migrations and reads of warehouse state live in ``transforms.warehouse``.
"""

from transforms.load.merge import load_run

__all__ = ["load_run"]
