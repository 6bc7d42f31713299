"""``python -m reconcile``."""

from .cli import main

raise SystemExit(main())
