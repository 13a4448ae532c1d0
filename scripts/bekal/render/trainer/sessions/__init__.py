"""The session kit: what a trainer prints to run a day and to report what the group learned.

Per module and per track, in every language: a before test and an after test (the same
questions, the options in another order), their answer key and a certificate. Per
language: the tally sheets (one per number of questions), the attendance sheet, the
feedback form (four to a page) with its tally, and an offline page that counts a
group's results in the browser. PDFs are cached like the handouts. No MkDocs import.
"""

from .build import SessionKit, SessionSet, build_language
from .count import count_output
from .tests import TestPaper, module_paper, track_paper

__all__ = [
           "SessionKit",
           "SessionSet",
           "TestPaper",
           "build_language",
           "count_output",
           "module_paper",
           "track_paper",
]
