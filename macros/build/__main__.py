"""`python -m macros.build`: the staging build behind `make build` (macros/build/staging.py)."""

import sys

from macros.build.staging import main

sys.exit(main(sys.argv[1:]))
