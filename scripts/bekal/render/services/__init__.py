"""Help near home: the services registry (modules/layanan.yml), its page and print views.

No MkDocs import. The adapter expands the ``<!-- bekal:services -->`` marker with
``page.services_markdown`` and adds the filter script on that page; its check is
``checks/services.py``; ``prints.build_language`` makes one A4 PDF per province.
"""

from bekal.model.services import District, Province, grouped

from .page import asset_outputs, asset_urls, expand, services_markdown
from .prints import ProvinceSet, build_language

__all__ = [
           "District",
           "Province",
           "ProvinceSet",
           "asset_outputs",
           "asset_urls",
           "build_language",
           "expand",
           "grouped",
           "services_markdown",
]
