"""`python -m calendar_svc.cli`: the `calendar-svc` command without its console script."""

from __future__ import annotations

import sys

from calendar_svc.cli import main

sys.exit(main())
