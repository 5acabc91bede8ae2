"""`python -m flows [options]` is `vnnews run [options]`."""

import sys

from flows.cli import main

sys.exit(main(["run", *sys.argv[1:]]))
