"""Tools for authors and fact editors: ``bekal new``, the fact desk, JSON Schemas for editors."""
