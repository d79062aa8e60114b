"""``python -m sitrep build ...``: the same command as the ``sitrep`` script."""

import sys

from sitrep.cli import main

sys.exit(main())
