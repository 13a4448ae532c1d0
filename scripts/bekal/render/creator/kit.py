"""The creators' hub (marker ``<!-- bekal:creator-kit -->``): every module by track, each
linking to its page in the kit (module_page.py: short link, QR codes, caption, facts).

The hub only lists the modules, so that neither it nor a module's page grows heavy with
the number of modules: all the kit on one page was 25.6 KB gzip at 26 modules.
"""

from __future__ import annotations

from html import escape

from bekal.model.project import Project
from bekal.routes import relative

MARKER = "creator-kit"


def creator_kit(project: Project, lang: str, page_path: str) -> str:
    """The list of modules, grouped by track, as one raw HTML block."""
    page_url = project.routes.page(lang, page_path)
    parts = ['<div class="bekal-kit">']
    for track in project.ordered_tracks():
        modules = project.modules_of(track.id)
        if not modules:
            continue
        parts.append(f'<h2 id="kit-{track.id}">{escape(track.title[lang])}</h2>')
        items = []
        for entry in modules:
            m = entry.data
            href = relative(page_url, project.routes.creator_module(lang, entry.slug))
            items.append(f'<li><a href="{escape(href)}">{escape(m.title[lang])}</a> '
                         f'<span class="bekal-kit-code">'
                         f'{escape(project.t(lang, "kit_code", code=m.code))}</span></li>')
        parts.append('<ul class="bekal-kit-list">' + "".join(items) + "</ul>")
    parts.append("</div>")
    return "\n\n" + "\n".join(parts) + "\n\n"
