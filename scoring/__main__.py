"""``python -m scoring`` is the ``scoring`` command."""

from .cli import main

raise SystemExit(main())
