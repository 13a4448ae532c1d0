"""The MkDocs adapter (``bekal`` plugin): the only code that imports MkDocs."""
