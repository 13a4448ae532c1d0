"""The link kit for video creators (marker ``<!-- bekal:creator-kit -->``).

For every module: its short URL, QR code (SVG and PNG to download), the one-line summary,
a ready-to-paste caption with a copy button, section links, and up to three facts, each
with a link to its source in the page's list of sources (the list says who published it,
when, and how it was checked; written out beside every fact, the sources were a fifth of
the page). Without JavaScript the caption is still selectable in its read-only field.
"""

from __future__ import annotations

from html import escape

from bekal.model.project import ModuleEntry, Project
from bekal.model.shortlinks import ShortLink, heading_ids, lesson_file, module_links, short_url
from bekal.render import factrender
from bekal.routes import relative

from .cards import plain
from .qr import download_name

MARKER = "creator-kit"
# Shows the copy buttons and announces "copied" in the button's live region.
COPY_SCRIPT = """<script>
(function () {
  function announce(button) {
    var status = document.getElementById(button.dataset.status);
    status.textContent = "";
    setTimeout(function () { status.textContent = button.dataset.copied; }, 50);
  }
  document.querySelectorAll(".bekal-copy").forEach(function (button) {
    var field = document.getElementById(button.dataset.target);
    button.hidden = false;
    button.addEventListener("click", function () {
      function fallback() {
        field.select();
        document.execCommand("copy");
        button.focus();
        announce(button);
      }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value)
          .then(function () { announce(button); }, fallback);
      } else {
        fallback();
      }
    });
  });
})();
</script>"""


def _qr_downloads(project: Project, lang: str, page_url: str, code: str) -> str:
    links = []
    for kind in ("svg", "png"):
        href = relative(page_url, project.routes.qr_image(lang, code, kind))
        name = download_name(project, lang, code, kind)
        label = project.t(lang, f"kit_download_{kind}")
        links.append(f'<a href="{escape(href)}" download="{escape(name)}">{escape(label)}</a>')
    return " · ".join(links)


def _short_link(project: Project, lang: str, page_url: str, code: str) -> str:
    href = relative(page_url, project.routes.short_link(lang, code))
    return f'<a href="{escape(href)}">{escape(short_url(project, lang, code))}</a>'


def _sections(project: Project, lang: str, page_url: str, links: list[ShortLink]) -> str:
    if not links:
        return ""
    headings = heading_ids(lesson_file(project, links[0].slug, lang))
    items = []
    for link in links:
        heading = headings.get(link.anchor, (link.anchor, 0))[0]
        items.append(f"<li>{escape(plain(project, heading, lang))}: "
                     f"{_short_link(project, lang, page_url, link.code)}<br>"
                     f"{escape(project.t(lang, 'kit_download'))} "
                     f"{_qr_downloads(project, lang, page_url, link.code)}</li>")
    return (f'<p><strong>{escape(project.t(lang, "kit_sections"))}</strong></p>\n'
            f'<ul class="bekal-kit-sections">{"".join(items)}</ul>')


def _facts(project: Project, lang: str, keys: list[str]) -> str:
    """Up to three facts, each linking to its entry in the page's sources list (using a
    fact puts it there)."""
    items = []
    for key in keys:
        if key not in project.facts:
            continue  # the checker reports unknown keys
        fact = project.fact(key)
        items.append(f"<li>{escape(factrender.label(project, fact, lang))}: "
                     f"{{{{fact:{key}}}}} "
                     f'<a class="bekal-kit-source" href="#{factrender.anchor(key)}">'
                     f"{escape(project.t(lang, 'fact_source'))}</a></li>")
    if not items:
        return ""
    return (f'<p><strong>{escape(project.t(lang, "kit_facts"))}</strong></p>\n'
            f'<ul class="bekal-kit-facts">{"".join(items)}</ul>')


def module_kit(project: Project, entry: ModuleEntry, lang: str, page_url: str) -> str:
    m = entry.data
    code = m.code
    url = short_url(project, lang, code)
    field, status = f"kit-{code}-caption", f"kit-{code}-status"
    qr_src = relative(page_url, project.routes.qr_image(lang, code, "svg"))
    alt = project.t(lang, "kit_qr_alt", url=url)
    sections = [link for link in module_links(entry) if link.anchor]
    caption = plain(project, m.caption[lang], lang)
    rows = min(8, max(3, len(caption) // 36 + 1))  # whole caption visible on a phone
    return "\n".join(part for part in (
        f'<article class="bekal-kit-module" aria-labelledby="kit-{code}">',
        f'<h3 id="kit-{code}">{escape(m.title[lang])}</h3>',
        f'<p class="bekal-kit-summary">{escape(m.summary[lang])}</p>',
        '<div class="bekal-kit-link">',
        f'<img src="{escape(qr_src)}" alt="{escape(alt)}" width="144" height="144" '
        'loading="lazy">',
        f'<p>{escape(project.t(lang, "kit_short_link"))}<br>'
        f'<strong>{_short_link(project, lang, page_url, code)}</strong></p>',
        f'<p>{escape(project.t(lang, "kit_download"))}<br>'
        f'{_qr_downloads(project, lang, page_url, code)}</p>',
        '</div>',
        _sections(project, lang, page_url, sections),
        f'<p><label for="{field}"><strong>{escape(project.t(lang, "kit_caption"))}'
        '</strong></label></p>',
        f'<textarea id="{field}" class="bekal-kit-caption" readonly rows="{rows}">'
        f'{escape(caption)}</textarea>',
        f'<p><button type="button" class="md-button bekal-copy" hidden data-target="{field}" '
        f'data-status="{status}" data-copied="{escape(project.t(lang, "kit_copied"))}">'
        f'{escape(project.t(lang, "kit_copy"))}</button> '
        f'<span id="{status}" class="bekal-copy-status" role="status"></span></p>',
        _facts(project, lang, m.facts),
        "</article>",
    ) if part)


def creator_kit(project: Project, lang: str, page_path: str) -> str:
    """The whole kit, grouped by track, as one raw HTML block."""
    page_url = project.routes.page(lang, page_path)
    parts = ['<div class="bekal-kit">']
    for track in project.ordered_tracks():
        modules = project.modules_of(track.id)
        if not modules:
            continue
        parts.append(f'<h2 id="kit-{track.id}">{escape(track.title[lang])}</h2>')
        parts += [module_kit(project, entry, lang, page_url) for entry in modules]
    parts.append("</div>")
    parts.append(COPY_SCRIPT)
    return "\n\n" + "\n".join(parts) + "\n\n"
