# SPDX-License-Identifier: MIT
"""``python -m lambdasim`` runs the command line."""

import sys

from .cli import main

sys.exit(main())
