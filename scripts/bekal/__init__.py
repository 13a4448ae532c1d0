"""Bekal: a bilingual safe-migration training kit.

The core (everything except ``mkdocs_plugin``) never imports MkDocs, so the content
model, the checks and the renderers can move to another site generator unchanged.
"""

__version__ = "0.1.0"
