"""``python -m checker``: the same as the ``factlint`` command."""

import sys

from checker.cli import main

sys.exit(main())
