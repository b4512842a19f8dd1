"""Command line: ``python -m tools <command>``. See ``python -m tools --help``."""

from tools.cli import main

raise SystemExit(main())
