"""axe-core (from axe-playwright-python) run in a Playwright page."""

from __future__ import annotations

OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                                                 "wcag22aa", "best-practice"]},
           "resultTypes": ["violations"]}  # details for violations only: twice as fast


def load_axe(page) -> None:
    """Load axe-core into every document ``page`` opens from now on."""
    from axe_playwright_python.sync_playwright import Axe

    page.add_init_script(Axe().axe_script)


def violations(page) -> list[dict]:
    """axe's violations on the open document: id, impact, help, node count, first targets."""
    result = page.evaluate("options => axe.run(document, options)", OPTIONS)
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"], "count": len(v["nodes"]),
             "targets": [str(node["target"]) for node in v["nodes"][:3]]}
            for v in result["violations"]]


def describe(violation: dict) -> str:
    return (f"{violation['id']} ({violation['impact']}, {violation['count']}x): "
            f"{violation['help']} — {', '.join(violation['targets'])}")
