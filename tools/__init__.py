"""The course's Python package: widget logic, Sphinx extensions and the CLI."""
