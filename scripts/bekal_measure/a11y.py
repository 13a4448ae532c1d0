"""axe-core (from axe-playwright-python) run in a Playwright page."""

from __future__ import annotations

OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                                                 "wcag22aa", "best-practice"]},
           "resultTypes": ["violations"]}  # details for violations only: twice as fast


def load_axe(page) -> None:
    """Load axe-core into every document ``page`` opens from now on."""
    from axe_playwright_python.sync_playwright import Axe

    page.add_init_script(Axe().axe_script)


def violations(page, without: tuple[str, ...] = ()) -> list[dict]:
    """axe's violations on the open document: id, impact, help, node count, first targets;
    ``without``: rules left out."""
    options = {**OPTIONS, "rules": {rule: {"enabled": False} for rule in without}}
    result = page.evaluate("options => axe.run(document, options)", options)
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"], "count": len(v["nodes"]),
             "targets": [str(node["target"]) for node in v["nodes"][:3]]}
            for v in result["violations"]]


def describe(violation: dict) -> str:
    return (f"{violation['id']} ({violation['impact']}, {violation['count']}x): "
            f"{violation['help']} — {', '.join(violation['targets'])}")


# The colour rules are most of axe's time on a page (color-contrast alone about half). What
# they judge is the colour of text on its background, which comes from the stylesheet by
# the text's element and its ancestors: authors cannot set colours (the sanitizer removes
# style attributes). So on a page whose every piece of text sits in a chain of elements
# (tag, classes, role, and a link's kind of address) already judged on an earlier page, they
# cannot find anything new: ``ColourCoverage`` runs them only where a page has a new chain.
COLOUR_RULES = ("color-contrast", "link-in-text-block")

# the attributes the stylesheets choose colours by, besides classes
_TEXT_CHAINS = """() => {
  const kind = (href) => (/^[a-z]+:/.test(href) ? href.split(":")[0]
    : href[0] === "#" ? "#" : "path");
  const part = (el) => {
    let s = el.localName + [...el.classList].sort().map((c) => "." + c).join("");
    for (const name of ["role", "data-result", "data-trust", "open", "hidden"]) {
      if (el.hasAttribute(name)) s += `[${name}=${el.getAttribute(name)}]`;
    }
    if (el.localName === "a") s += `[href=${kind(el.getAttribute("href") || "")}]`;
    return s;
  };
  const chains = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim()) continue;
    const names = [];
    for (let el = node.parentElement; el && el !== document.documentElement;
         el = el.parentElement) {
      names.push(part(el));
    }
    chains.add(names.join("<"));
  }
  return [...chains];
}"""


class ColourCoverage:
    """Which text chains the colour rules have judged so far, across the pages of a run."""

    def __init__(self):
        self.judged: set[str] = set()
        self.pages_judged = 0

    def violations(self, page) -> list[dict]:
        """axe's violations on the open document; the colour rules only if it has text in a
        chain of elements no earlier page had."""
        chains = set(page.evaluate(_TEXT_CHAINS))
        if chains <= self.judged:
            return violations(page, without=COLOUR_RULES)
        found = violations(page)
        if not [v for v in found if v["id"] in COLOUR_RULES]:
            self.judged |= chains  # judged and passed: later pages need not repeat it
        self.pages_judged += 1
        return found
