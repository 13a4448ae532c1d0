"""The page a live preview shows for every address while the content has errors."""

from __future__ import annotations

from html import escape

from bekal.model.issues import Issue


def problems_page(errors: list[Issue]) -> str:
    """Markdown (with escaped HTML) naming each problem: file, line, code, message, hint."""
    items = "\n".join(
        f"<li><code>{escape(i.path)}:{i.line}</code> [{escape(i.code)}] {escape(i.message)}"
        + (f"<br><small>{escape(i.hint)}</small>" if i.hint else "") + "</li>"
        for i in errors)
    return ("# Bekal found content problems\n\n"
            f"The preview shows this page until the {len(errors)} problem(s) below are fixed. "
            "Save the file and the page reloads.\n\n"
            f'<ul class="bekal-problems">\n{items}\n</ul>\n')
