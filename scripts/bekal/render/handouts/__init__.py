"""Printable handouts: an A4 PDF per module and language, and a booklet per track.

Made with WeasyPrint from ``content/<lang>/modul/<slug>/handout.md`` (or, without it, the
module's summary) plus module.yml's key points and checklist, a help box with hotline
facts, a QR code to the module's page and the sources. PDFs are cached in
``.cache/handouts/`` by a hash of everything they are made from. No MkDocs import here:
the adapter calls ``build_language`` before a language's pages are rendered (so pages can
show the real file size) and ``HandoutSet.install`` after they are written.
"""

from .build import HandoutSet, Pdf, build_date, build_language, wanted
from .errors import HandoutError

__all__ = ["HandoutError", "HandoutSet", "Pdf", "build_date", "build_language", "wanted"]
