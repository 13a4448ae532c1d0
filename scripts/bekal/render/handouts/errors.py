"""The one exception the handout builder raises for bad input: an issue record with a file."""

from __future__ import annotations

from bekal.model.issues import Issue


class HandoutError(Exception):
    """A handout could not be made; ``issue`` names the file and says how to fix it."""

    def __init__(self, issue: Issue):
        super().__init__(issue.format())
        self.issue = issue
