"""Files the package ships beside its code: page templates and stylesheets (templates/) and
the scripts and stylesheets published to readers (assets/)."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
TEMPLATES = PACKAGE / "templates"
ASSETS = PACKAGE / "assets"
