"""Only the CSS the built pages use: what a reader downloads and what still styles her page."""

from __future__ import annotations

from pathlib import Path

import tinycss2

from bekal.pipeline.csspurge import Usage, purge_css, purge_site

PAGE = """<!doctype html><html lang="id"><head>
<link rel="stylesheet" href="{up}assets/stylesheets/main.57a0d79d.min.css">
<link rel="stylesheet" href="{up}assets/print.css" media="print">
<link rel="stylesheet" href="{up}assets/bekal.css">
</head><body dir="ltr"><div class="md-grid used"><p id="top">Halo</p>
<details class="bekal-q"><summary>Jawaban</summary></details></div>
<script src="{up}assets/quiz.js" defer></script></body></html>"""

MAIN = """:root{--md-primary-fg-color:#0b5d4b;--md-unused-color:#f00;--md-accent:var(--md-deep)}
:root{--md-deep:#123}
.used{color:var(--md-primary-fg-color)}
.never-used{color:red}
.used,.never-used-either{margin:0}
[dir=rtl] .used{margin-right:1rem}
[dir=ltr] .used{margin-left:1rem}
.used:not(.other) p{padding:0}
:is(.nothing,.md-grid)>p{font-weight:700}
:is(.nothing,.nowhere)>p{font-weight:400}
.bekal-q--answered{border:1px solid var(--md-accent)}
@media screen and (min-width:60em){.never-used{display:none}.md-grid{max-width:61rem}}
@media print{.never-used{display:none}}
@keyframes spin{to{transform:rotate(1turn)}}
@keyframes unused{to{opacity:0}}
#top{animation:spin 1s}
"""


def selectors(css: str) -> list[str]:
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            out.append(tinycss2.serialize(rule.prelude).strip())
        else:
            out.append("@" + rule.at_keyword + tinycss2.serialize(rule.prelude))
            if rule.content is not None and rule.lower_at_keyword != "keyframes":
                out += ["  " + s for s in selectors(tinycss2.serialize(rule.content))]
    return out


def usage_of(*pages: str, scripts: tuple[str, ...] = ()) -> Usage:
    usage = Usage()
    for page in pages:
        usage.add_html(page)
    for script in scripts:
        usage.add_script(script)
    return usage


def test_rules_the_pages_never_use_are_dropped_and_used_ones_kept():
    (css,) = purge_css([MAIN], usage_of(PAGE.format(up="")))
    kept = selectors(css)
    assert ".used" in kept
    assert ".never-used" not in kept
    assert ".used" in kept and ".used,.never-used-either" not in kept  # the list is trimmed
    assert "[dir=ltr] .used" in kept and "[dir=rtl] .used" not in kept
    assert ".used:not(.other) p" in kept  # :not() never drops a selector
    assert ":is(.nothing,.md-grid)>p" in kept and ":is(.nothing,.nowhere)>p" not in kept
    assert "@media screen and (min-width:60em)" in " ".join(kept)
    assert "  .md-grid" in kept and "  .never-used" not in kept
    assert "@media print" not in " ".join(kept)  # it held only unused rules
    assert "@keyframesspin" in "".join(kept).replace(" ", "")
    assert "unused" not in css


def test_classes_a_script_adds_are_kept():
    quiz = 'box.classList.add("bekal-q--answered"); box.dataset.result = kind;'
    page = PAGE.format(up="")
    assert ".bekal-q--answered" not in selectors(purge_css([MAIN], usage_of(page))[0])
    (css,) = purge_css([MAIN], usage_of(page, scripts=(quiz,)))
    assert ".bekal-q--answered" in selectors(css)
    assert "--md-accent:var(--md-deep)" in css and "--md-deep:#123" in css  # used by it


def test_custom_properties_are_kept_only_when_read_in_any_sheet():
    theme = ".md-grid{background:var(--md-unused-color)}"
    alone, _ = purge_css([MAIN, ""], usage_of(PAGE.format(up="")))
    assert "--md-primary-fg-color:#0b5d4b" in alone
    assert "--md-unused-color" not in alone
    with_theme, _ = purge_css([MAIN, theme], usage_of(PAGE.format(up="")))
    assert "--md-unused-color:#f00" in with_theme  # read by the other sheet


def make_site(root: Path) -> Path:
    site = root / "site"
    (site / "assets" / "stylesheets").mkdir(parents=True)
    (site / "modul" / "a").mkdir(parents=True)
    (site / "index.html").write_text(PAGE.format(up=""), "utf-8")
    (site / "modul" / "a" / "index.html").write_text(PAGE.format(up="../../"), "utf-8")
    (site / "assets" / "stylesheets" / "main.57a0d79d.min.css").write_text(MAIN, "utf-8")
    (site / "assets" / "stylesheets" / "main.57a0d79d.min.css.map").write_text("{}", "utf-8")
    (site / "assets" / "print.css").write_text(
        "@page{size:A4}.md-grid{max-width:none}.md-header{display:none}", "utf-8")
    (site / "assets" / "bekal.css").write_text(
        ".bekal-q summary{font-weight:700}.bekal-near{color:blue}", "utf-8")
    (site / "assets" / "quiz.js").write_text('q.classList.add("bekal-q--answered")', "utf-8")
    return site


def test_site_links_the_purged_sheet_and_prints_from_it(tmp_path):
    site = make_site(tmp_path)
    sizes = purge_site(site, cache_dir=tmp_path / "cache")
    page = (site / "modul" / "a" / "index.html").read_text("utf-8")
    assert 'href="../../assets/stylesheets/main.min.css"' in page
    assert "main.57a0d79d" not in page and "print.css" not in page
    assert not (site / "assets" / "stylesheets" / "main.57a0d79d.min.css").exists()
    main = (site / "assets" / "stylesheets" / "main.min.css").read_text("utf-8")
    assert main.endswith("@media print{@page{size:A4}.md-grid{max-width:none}}")
    assert ".bekal-q--answered" in main  # the linked script adds it
    assert ".bekal-near" not in (site / "assets" / "bekal.css").read_text("utf-8")
    before, after = sizes["assets/stylesheets/main.57a0d79d.min.css"]
    assert after < before


def _sheet(site: Path) -> str:
    return (site / "assets" / "stylesheets" / "main.min.css").read_text("utf-8")


def test_pages_that_use_the_same_things_come_from_the_cache(tmp_path):
    cache = tmp_path / "cache"
    first = make_site(tmp_path / "one")
    purge_site(first, cache_dir=cache)
    entries = list(cache.glob("*.json"))
    assert len(entries) == 1
    second = make_site(tmp_path / "two")
    page = second / "index.html"
    page.write_text(page.read_text("utf-8").replace("Halo", "Selamat datang"), "utf-8")
    entries[0].write_text('[".from-cache{}", "", ""]', "utf-8")
    purge_site(second, cache_dir=cache)  # other words, the same tags and classes
    assert _sheet(second).startswith(".from-cache{}")


def test_the_same_pages_again_are_not_read_for_what_they_use(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    first = make_site(tmp_path / "one")
    purge_site(first, cache_dir=cache)
    read = []
    real_add_html = Usage.add_html
    monkeypatch.setattr(Usage, "add_html", lambda self, html: (read.append(html),
                                                               real_add_html(self, html)))
    second = make_site(tmp_path / "two")  # another build, byte for byte the same
    purge_site(second, cache_dir=cache)
    assert read == [] and _sheet(second) == _sheet(first)
    third = make_site(tmp_path / "three")
    page = third / "modul" / "a" / "index.html"
    page.write_text(page.read_text("utf-8").replace("<p id=", '<p class="never-used" id='),
                    "utf-8")
    purge_site(third, cache_dir=cache)
    assert len(read) == 2 and ".never-used{" in _sheet(third)
    assert len(list((cache / "same").iterdir())) == 1  # the last build's only


def test_an_attribute_a_script_sets_keeps_only_values_the_script_spells():
    sheet = ("[role=status]{font-weight:700}[role=columnheader]{cursor:pointer}"
             "[data-result=right]{color:green}[data-result^=wr]{color:red}")
    script = ('el.setAttribute("role", "status");'
              'box.dataset.result = ok ? "right" : "wrong";')
    (css,) = purge_css([sheet], usage_of(PAGE.format(up=""), scripts=(script,)))
    assert selectors(css) == ["[role=status]", "[data-result=right]", "[data-result^=wr]"]
