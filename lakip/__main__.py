"""``python -m lakip``: the same as the ``lakip`` command."""

import sys

from lakip.app.cli import main

sys.exit(main())
