"""Help near home: the services registry (modules/layanan.yml), its page and print views.

No MkDocs import. The adapter expands the ``<!-- bekal:services -->`` marker with
``page.services_markdown`` and adds the filter script on that page; ``check.check`` runs
with the other checks; ``prints.build_language`` makes one A4 PDF per province.
"""

from bekal.checks.services import check

from .page import asset_urls, expand, services_markdown, write_assets
from .prints import ProvinceSet, build_language
from .registry import District, Province, grouped

__all__ = [
           "District",
           "Province",
           "ProvinceSet",
           "asset_urls",
           "build_language",
           "check",
           "expand",
           "grouped",
           "services_markdown",
           "write_assets",
]
