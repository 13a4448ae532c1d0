"""Made for the phone she has: call buttons and saved contacts (.vcf), the job-offer
checker page, share links, and the small script and stylesheet behind them.

The core of it: no MkDocs import. ``mkdocs_plugin`` calls ``page_markdown`` (buttons and
share bar into pages), ``with_assets`` (the stylesheet and script, on the pages that use
them) and ``write_language`` (the files the build adds: contact cards and the checker
page) once per language.
"""

from .assets import asset_urls, write_assets
from .pages import page_markdown, with_assets
from .site import write_language

__all__ = ["asset_urls", "page_markdown", "with_assets", "write_assets", "write_language"]
