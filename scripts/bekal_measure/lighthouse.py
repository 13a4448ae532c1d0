"""Lighthouse (npm, installed in node_modules by ``npm ci``) with Debian's Chromium."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

from .browser import CHROMIUM, CHROMIUM_ARGS

CLI = Path("node_modules/lighthouse/cli/index.js")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PASS = 0.9  # Lighthouse shows an audit as passed (green) from this score on


class LighthouseError(RuntimeError):
    pass


def lighthouse(root: Path, url: str) -> dict:
    """Mobile scores (0-100) per category, and the audits that did not pass."""
    cli = root / CLI
    if not cli.exists():
        raise LighthouseError(f"{cli} is missing: run `npm ci` in {root}")
    with tempfile.TemporaryDirectory(prefix="bekal-lh-") as tmp:
        out = Path(tmp) / "report.json"
        command = ["node", str(cli), url, "--output=json", f"--output-path={out}", "--quiet",
                   f"--only-categories={','.join(CATEGORIES)}", "--form-factor=mobile",
                   "--chrome-flags=" + " ".join([*CHROMIUM_ARGS, f"--user-data-dir={tmp}/p"])]
        result = subprocess.run(command, capture_output=True, text=True, timeout=300,
                                env={**os.environ, "CHROME_PATH": CHROMIUM})
        if result.returncode != 0 or not out.exists():
            raise LighthouseError(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
        report = json.loads(out.read_text("utf-8"))
    scores = {name: round((report["categories"][name]["score"] or 0) * 100)
              for name in CATEGORIES}
    failing = sorted(
        {audit_id for name in CATEGORIES
         for ref in report["categories"][name]["auditRefs"]
         if ref.get("weight", 0) > 0
         and (audit_id := ref["id"]) in report["audits"]
         and (report["audits"][audit_id].get("score") or 0) < PASS
         and report["audits"][audit_id].get("scoreDisplayMode") not in ("notApplicable",
                                                                          "informative",
                                                                          "manual")})
    return {"scores": scores, "failing": failing}
