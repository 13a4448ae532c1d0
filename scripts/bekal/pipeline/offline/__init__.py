"""The offline bundle: the site built for file://, checked, with its own search, zipped.

No MkDocs import: MkDocs runs as a command, like ``bekal build``.
"""

from .bundle import OfflineError, build_bundle, bundle_name
from .links import BrokenLink, fix_links

__all__ = ["BrokenLink", "OfflineError", "build_bundle", "bundle_name", "fix_links"]
