"""What Bekal changes in Material's page markup where no template block reaches.

Material's base.html writes two checkboxes and a dialog outside any block. Bekal loads no
Material JavaScript (overrides/main.html), so the search toggle and the empty dialog are
dead weight, and ``autocomplete`` is not allowed on a checkbox (the Nu HTML checker says
so). The MkDocs adapter runs every page through ``tidy``; anything else stays as it is.
"""

from __future__ import annotations

import re

SEARCH_TOGGLE = re.compile(r'<input class="md-toggle" data-md-toggle="search"[^>]*>\s*')
EMPTY_DIALOG = re.compile(r'<div class="md-dialog" data-md-component="dialog">\s*'
                          r'<div class="md-dialog__inner md-typeset"></div>\s*</div>\s*')
TOGGLE = re.compile(r'<input class="md-toggle"[^>]*>')


def tidy(html: str) -> str:
    html = SEARCH_TOGGLE.sub("", html, count=1)
    html = EMPTY_DIALOG.sub("", html, count=1)
    return TOGGLE.sub(lambda m: m.group(0).replace(' autocomplete="off"', ""), html)
