"""Made for the phone she has: call buttons and saved contacts (.vcf), the job-offer
checker page, share links, and the small script and stylesheet behind them.

The core of it: no MkDocs import. ``mkdocs_plugin`` calls ``page_markdown`` (buttons and
share bar into pages), ``with_assets`` (the stylesheet and script, on the pages that use
them) and ``language_outputs`` (the files the build adds: contact cards and the
checker page) once per language.
"""

from .assets import asset_outputs, asset_urls
from .offline import shared_outputs
from .pages import page_markdown, with_assets
from .site import language_outputs

__all__ = ["asset_outputs", "asset_urls", "language_outputs", "page_markdown", "shared_outputs",
           "with_assets"]
