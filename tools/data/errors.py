"""The error every course data reader and validator raises."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class DataError(Exception):
    """A problem in a course data file, located to the line (0: the file as a whole)."""

    path: Path
    line: int
    message: str
    item: str | None = None

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line else str(self.path)

    @property
    def detail(self) -> str:
        """The message without its location (for loggers that print the location)."""
        return f"{self.item}: {self.message}" if self.item else self.message

    def for_sphinx(self) -> dict[str, str | None]:
        """``msg`` and ``location`` for Sphinx's logger. Sphinx reads a location without a line
        as a page name and adds ``.rst`` (``kam-stages.yml.rst``); so a whole-file problem
        names its file in the message and gives no location."""
        if self.line:
            return {"msg": self.detail, "location": self.location}
        return {"msg": f"{self.path}: {self.detail}", "location": None}

    def __str__(self) -> str:
        return f"{self.location}: {self.detail}"
