"""``python -m regie``: see :mod:`regie.cli`."""

import sys

from regie.cli import main

sys.exit(main())
