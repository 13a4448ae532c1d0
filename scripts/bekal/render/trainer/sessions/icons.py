"""The pictograms on the sheets, as inline SVG: they print sharp and need no file."""

from __future__ import annotations

from markupsafe import Markup

_RIGHT = ('<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="12" '
          'r="10.5" fill="none" stroke="#000" stroke-width="2"/><path d="M6.5 12.5l3.5 3.5 '
          '7.5-8" fill="none" stroke="#000" stroke-width="2.6"/></svg>')
_WRONG = ('<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="12" '
          'r="10.5" fill="none" stroke="#000" stroke-width="2"/><path d="M7.5 7.5l9 9M16.5 '
          '7.5l-9 9" fill="none" stroke="#000" stroke-width="2.6"/></svg>')


def _face(mouth: str) -> str:
    return ('<svg class="face" viewBox="0 0 40 40" aria-hidden="true"><circle cx="20" cy="20" '
            'r="18" fill="none" stroke="#000" stroke-width="2.2"/><circle cx="13.5" cy="15" '
            'r="2.6"/><circle cx="26.5" cy="15" r="2.6"/>'
            f'<path d="{mouth}" fill="none" stroke="#000" stroke-width="2.6" '
            'stroke-linecap="round"/></svg>')


TRUE_FALSE = {"quiz_true": Markup(_RIGHT), "quiz_false": Markup(_WRONG)}
# Agree, not sure, disagree: a smile, a straight mouth, a frown.
FACES = (Markup(_face("M12 24q8 7 16 0")), Markup(_face("M12.5 26h15")),
         Markup(_face("M12 29q8-7 16 0")))
