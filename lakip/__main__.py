"""``python -m lakip``: the same as the ``lakip`` command."""

import sys

from lakip.cli import main

sys.exit(main())
