"""Which shortened test to lay out next, after one did not fit its page.

A test sheet's questions are blocks stacked with nothing between them, so a sheet that runs
N px past its page fits once the questions taken away are N px high or more. A failed layout
tells both: how far each test sheet runs over, and how high each of its questions is. The
candidates (longest first, each without the previous one's longest question) whose missing
questions are clearly too low to make that room cannot fit and are not laid out; the next
one that may fit is. The test chosen is the one that laying out every candidate in turn
would choose. Anything else that runs over (the key, a sheet without questions) leaves the
next candidate to be laid out, as before.

Two things besides a question's own height can make room when it goes, and both count as
room a candidate may have: the sources line under the test (a question's fact may take its
source with it) and a line of text (the numbers of the questions after it are one shorter,
"10." becoming "9.", which can unwrap a line).
"""

from __future__ import annotations

from bekal.render.handouts.render import content_bottom

LINE = 24.0  # CSS px: more than one line of a question's 12 pt text with its spacing
TEST_SHEETS = ("pre", "post")


def _heights(pages, tag: str, cls: str) -> list[float]:
    """The height of each ``tag.cls`` box on these pages, in their order."""
    heights = []
    for page in pages:
        for child in page._page_box.children:
            for box in child.descendants():
                element = getattr(box, "element", None)
                if element is not None and box.element_tag == tag \
                        and cls in (element.get("class") or "").split():
                    heights.append(box.margin_height())
    return heights


def overruns(document, names: list[str]) -> dict[str, tuple[float, list[float]]] | None:
    """For each sheet that runs past its page: the room its missing questions must make at
    least (how far it runs over, less what else may free up), and the heights of its
    questions; None when something else than a test sheet runs over, or the layout is not
    one the rule above describes."""
    starts = [target[0] for _, target, _, _ in document.make_bookmark_tree()]
    if len(starts) != len(names):
        return None
    ends = [*starts[1:], len(document.pages)]
    found = {}
    for name, start, end in zip(names, starts, ends, strict=True):
        if end - start <= 1:
            continue
        if name not in TEST_SHEETS:
            return None
        pages = document.pages[start:end]
        bottoms = [content_bottom(page) for page in pages]
        if any(bottom is None for bottom in bottoms):
            return None
        box = pages[0]._page_box
        top, limit = box.content_box_y(), box.content_box_y() + box.height
        over = sum(bottom - top for bottom in bottoms[1:]) - (limit - bottoms[0])
        may_free = sum(_heights(pages, "p", "sources")) + LINE
        found[name] = (over - may_free, _heights(pages, "li", "item"))
    return found


def next_candidate(failed: int, drops: list[frozenset[int]], total: int,
                   over: dict[str, tuple[float, list[float]]] | None) -> int:
    """The next candidate to lay out after ``failed`` did not fit. ``drops[i]``: the
    questions (indexes in the full test of ``total``) that candidate ``i`` leaves out."""
    if not over or failed + 1 >= len(drops):
        return failed + 1
    present = [k for k in range(total) if k not in drops[failed]]
    if any(len(heights) != len(present) for _, heights in over.values()):
        return failed + 1  # not the sheet the rule describes: no skipping
    height = {name: dict(zip(present, heights, strict=True))
              for name, (_, heights) in over.items()}
    for candidate in range(failed + 1, len(drops)):
        gone = drops[candidate] - drops[failed]
        if all(sum(height[name][k] for k in gone) >= need
               for name, (need, _) in over.items()):
            return candidate
    return len(drops) - 1  # none can fit: the shortest fails, as it would have in turn
