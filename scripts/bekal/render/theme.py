"""What Bekal changes in Material's page markup where no template block reaches.

Material's base.html writes two checkboxes and a dialog outside any block. Bekal loads no
Material JavaScript (overrides/main.html), so the search toggle and the empty dialog are
dead weight, and ``autocomplete`` is not allowed on a checkbox (the Nu HTML checker says
so). The same goes for the hooks Material's script finds its parts by (``data-md-component``,
``data-md-type``, ``data-md-level``, ``data-md-scrollfix``) and its empty announcement
bar: about 90 bytes gzip of every page. ``data-md-toggle`` stays: the stylesheet opens the
menu drawer by it. The MkDocs adapter runs every page through ``tidy``; anything else stays
as it is.
"""

from __future__ import annotations

import re

SEARCH_TOGGLE = re.compile(r'<input class="md-toggle" data-md-toggle="search"[^>]*>\s*')
EMPTY_DIALOG = re.compile(r'<div class="md-dialog" data-md-component="dialog">\s*'
                          r'<div class="md-dialog__inner md-typeset"></div>\s*</div>\s*')
TOGGLE = re.compile(r'<input class="md-toggle"[^>]*>')
SCRIPT_HOOK = re.compile(r' data-md-(?:component|type|level|scrollfix)(?:="[^"<>]*")?(?=[\s>])')
EMPTY_ANNOUNCE = re.compile(r'<div data-md-component="announce">\s*</div>\s*')


def tidy(html: str) -> str:
    html = SEARCH_TOGGLE.sub("", html, count=1)
    html = EMPTY_DIALOG.sub("", html, count=1)
    html = EMPTY_ANNOUNCE.sub("", html, count=1)
    html = _without_script_hooks(html)
    return TOGGLE.sub(lambda m: m.group(0).replace(' autocomplete="off"', ""), html)


def _without_script_hooks(html: str) -> str:
    """Material's script hooks go from its tags, not from the article, which is the author's."""
    start, end = html.find("<article"), html.find("</article>")
    if start == -1 or end == -1:
        return SCRIPT_HOOK.sub("", html)
    return SCRIPT_HOOK.sub("", html[:start]) + html[start:end] + SCRIPT_HOOK.sub("", html[end:])
