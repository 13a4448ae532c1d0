"""The phone features' data: the job-offer checker and the contact groups."""

from __future__ import annotations

from bekal.model.issues import IssueList
from bekal.model.project import Project
from bekal.routes import CHECKER, lesson_source

from . import facts as fact_checks
from .languages import check_loaded, fields

CALLABLE = {"phone", "whatsapp"}


def check(project: Project, issues: IssueList, publish: bool) -> None:
    from .prose import FACT_REF, _typed_facts

    for loaded in project.checkers.values():
        check_loaded(project, loaded, issues)
        for loc, texts in fields(loaded.model):
            for lang, text in texts.items():
                line = loaded.line(*loc, lang)
                for match in FACT_REF.finditer(text):
                    fact_checks.check_use(project, match.group(1), loaded.path, line,
                                          issues, publish)
                _typed_facts(loaded.path, line, FACT_REF.sub(" ", text), issues)
        checker = loaded.model
        ids = [s.id for s in checker.signs]
        for i, sign in enumerate(checker.signs):
            if sign.red_flag is None:
                issues.add(loaded.path, loaded.line("signs", i), "checker-sign",
                           f"sign '{sign.id}' does not say whether it is a danger sign",
                           "add red_flag: true (a sign of fraud) or red_flag: false")
            if ids.count(sign.id) > 1:
                issues.add(loaded.path, loaded.line("signs", i, "id"), "checker-sign",
                           f"sign id '{sign.id}' is used twice", "give every sign its own id")
        thresholds = [v.min_flags for v in checker.verdicts]
        flags = sum(bool(s.red_flag) for s in checker.signs)
        if 0 not in thresholds or len(set(thresholds)) != len(thresholds) \
                or max(thresholds) > flags:
            issues.add(loaded.path, loaded.line("verdicts"), "checker-verdicts",
                       "the verdicts need one with min_flags: 0, no two with the same "
                       f"min_flags, and none above the {flags} danger signs",
                       "fix the min_flags of the verdicts")
    seen: set[str] = set()
    for loaded in project.contacts:
        group = loaded.model
        check_loaded(project, loaded, issues)
        if group.id in seen:
            issues.add(loaded.path, loaded.line("id"), "contacts-duplicate",
                       f"contact group '{group.id}' is defined twice", "give each its own id")
        seen.add(group.id)
        for i, number in enumerate(group.numbers):
            line = loaded.line("numbers", i, "fact")
            if number.fact not in project.facts:
                issues.add(loaded.path, line, "unknown-fact",
                           f"fact '{number.fact}' is not in modules/facts.yml",
                           "check the spelling, or add the fact with its source")
                continue
            kind = project.fact(number.fact).kind
            if kind not in CALLABLE | {"text"}:
                issues.add(loaded.path, line, "contacts-kind",
                           f"fact '{number.fact}' is a {kind}, not a number to call",
                           "name a fact of kind phone or whatsapp (or a text fact as a note)")
            if number.hours and (number.hours not in project.facts
                                 or project.fact(number.hours).kind != "text"):
                issues.add(loaded.path, loaded.line("numbers", i, "hours"), "contacts-kind",
                           f"'hours' must name a text fact; '{number.hours}' is not one",
                           "add a text fact that says when the service is open")
    _check_page_codes(project, issues)
    check_recordings(project, issues)


def _check_page_codes(project: Project, issues: IssueList) -> None:
    """Page codes: not a module's code, not twice, and a page that exists."""
    module_codes = {}
    for entry in project.modules.values():
        if entry.module:
            for code in (entry.data.code, *entry.data.sections):
                module_codes[code] = entry.slug
    seen: set[str] = set()
    content = project.content_dir / project.config.default
    for loaded in project.page_codes:
        code, page = loaded.model.code, loaded.model.page
        if code in module_codes or code in seen:
            owner = f"module '{module_codes[code]}'" if code in module_codes else "another page"
            issues.add(loaded.path, loaded.line("code"), "duplicate-code",
                       f"short code '{code}' is already used by {owner}",
                       "short codes are permanent links: pick a new, unused code")
        seen.add(code)
        stem = page.rstrip("/")
        generated = stem == CHECKER and project.checkers
        if not generated and not ((content / f"{stem}.md").exists()
                                  or (content / stem / "index.md").exists()):
            issues.add(loaded.path, loaded.line("page"), "shortlink-page-missing",
                       f"page '{page}' of short code '{code}' does not exist",
                       f"write content/{project.config.default}/{stem}.md, or fix the path")


def check_recordings(project: Project, issues: IssueList) -> None:
    """Recordings: a known format, a section that exists, a size within the budget."""
    from bekal.model.audio import FORMATS, MAX_BYTES, recordings
    from bekal.model.shortlinks import heading_ids

    for slug in project.modules:
        for lang in project.config.codes:
            lesson = project.content_dir / lang / lesson_source(slug)
            recs = recordings(project, slug, lang)
            ids = heading_ids(lesson) if recs else {}
            for rec in recs:
                if rec.mime is None:
                    issues.add(rec.path, 0, "audio-format",
                               f"recording '{rec.path.name}' is not in a format the site plays",
                               f"save it as {', '.join(FORMATS)} (Opus is the smallest)")
                elif rec.size > MAX_BYTES:
                    issues.add(rec.path, 0, "audio-too-large",
                               f"recording '{rec.path.name}' is {rec.size // 1024} KB, more "
                               f"than the {MAX_BYTES // 1024} KB a reader should pay for",
                               "split the section, or encode it as Opus at 24 kbit/s mono")
                if rec.section not in ids:
                    issues.add(rec.path, 0, "audio-no-section",
                               f"recording '{rec.path.name}' names section '{rec.section}', "
                               f"which {issues.relative(lesson)} does not have",
                               "name the file after a heading id of the lesson, e.g. "
                               + (f"{next(iter(ids))}.opus" if ids else "cerita.opus"))
