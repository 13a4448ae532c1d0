"""The ``bekal`` command: check content, build the site, and other author tools."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .model.issues import format_report


def _root(args) -> Path:
    return Path(args.root).resolve()


def cmd_check(args) -> int:
    from .checks import run_checks
    from .model.project import load_project

    started = time.perf_counter()
    project = load_project(_root(args))
    issues = run_checks(project, publish=args.publish)
    if args.handouts:  # lays out every PDF handout: slow the first time, then cached
        from .render.handouts.build import check_all

        issues.extend(check_all(project))
    print(format_report(issues))
    print(f"checked {len(project.modules)} modules in {time.perf_counter() - started:.2f} s",
          file=sys.stderr)
    return 1 if issues.errors else 0


def _preview_warning(root: Path) -> str:
    from .model.site_address import warning
    from .model.siteconfig import read_site_config

    return warning(read_site_config(root).site_url)


def cmd_build(args) -> int:
    from .pipeline.build import atomic_build

    banner = _preview_warning(_root(args))
    if banner:
        print(banner, file=sys.stderr)
    code = atomic_build(_root(args), Path(args.site_dir), extra_args=args.mkdocs_args)
    if banner and code == 0:  # again at the end, where nobody can miss it
        print(banner, file=sys.stderr)
    return code


def cmd_offline(args) -> int:
    from .model import site_address
    from .model.issues import IssueList
    from .model.siteconfig import read_site_config
    from .pipeline.offline import OfflineError, build_bundle

    if not args.preview:  # a bundle is for handing out: its QR codes must lead somewhere
        issues = IssueList(_root(args))
        site_address.check(_root(args), read_site_config(_root(args)).site_url, issues,
                           "the bundle's handouts and pages")
        if issues:
            print(format_report(issues))
            print("bekal offline: not built (use --preview for a bundle to try out only)",
                  file=sys.stderr)
            return 1
    started = time.perf_counter()
    try:
        target = build_bundle(_root(args), Path(args.out).resolve(),
                              keep=Path(args.keep).resolve() if args.keep else None)
    except OfflineError as err:
        print(f"bekal offline: {err}", file=sys.stderr)
        return 1
    size = target.stat().st_size / 1048576
    print(f"bekal offline: {target} ({size:.1f} MB) in {time.perf_counter() - started:.0f} s")
    return 0


def cmd_schema(args) -> int:
    from .authoring.schema_export import write_schemas

    for path in write_schemas(Path(args.out)):
        print(path)
    return 0


def cmd_status(args) -> int:
    from .model.translation import AcceptError, accept, status_report

    for path in args.accept:
        given = Path(path)
        if not given.is_absolute() and not given.exists() and (_root(args) / given).exists():
            given = _root(args) / given  # a path relative to --root
        try:
            accept(_root(args), given)
        except AcceptError as err:
            print(f"bekal status: {err}", file=sys.stderr)
            return 2
        print(f"recorded as up to date: {path}")
    report, stale = status_report(_root(args))
    print(report)
    return 1 if stale and args.strict else 0


def cmd_new(args) -> int:
    from .authoring.scaffold import new_module

    try:
        created = new_module(_root(args), args.slug, args.track)
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    for path in created:
        print(f"created {path}")
    return 0


def cmd_publish_codes(args) -> int:
    from .checks.shortlinks_lock import LOCK_NAME, publish_codes
    from .model.project import load_project

    written, issues = publish_codes(load_project(_root(args)))
    if issues.errors:
        print(format_report(issues))
        print(f"bekal publish-codes: fix the errors above; modules/{LOCK_NAME} is unchanged",
              file=sys.stderr)
        return 1
    for code in written:
        print(f"published {code}")
    print(f"{len(written)} code(s) written to modules/{LOCK_NAME}; commit it with the site")
    return 0


def cmd_facts(args) -> int:
    from .authoring import factdesk
    from .model.project import load_project

    root = _root(args)
    action = getattr(args, "facts_action", None)
    try:
        if action == "record":
            check = factdesk.record(root / "modules" / "facts.yml", args.key,
                                    against=args.against, source=args.source,
                                    method=args.method, by=args.by, date=args.date,
                                    outlet=args.outlet, source_date=args.source_date,
                                    value=args.value)
            level = factdesk.trust.level(load_project(root).fact(args.key),
                                         factdesk.trust.settings_for(root))
            print(f"recorded a check of {args.key} ({check.against}, {check.method}, "
                  f"{check.date}); it is now {level.value}")
            return 0
        project = load_project(root)
        if project.issues.errors:
            print(format_report(project.issues))
            return 1
        if action == "sheet":
            for path in factdesk.write_sheet(project, Path(args.out).resolve()):
                print(path)
            return 0
        print(factdesk.listing(project, args.level))
        return 0
    except factdesk.DeskError as err:
        print(f"bekal facts: error: {err}", file=sys.stderr)
        return 2
    except ValueError as err:  # a check that does not fit the schema
        first = str(err).splitlines()
        print(f"bekal facts: error: {' '.join(first[:3])}", file=sys.stderr)
        return 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bekal", description=__doc__)
    parser.add_argument("--root", default=".", help="the project folder (default: .)")
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="check all content and report every problem")
    check.add_argument("--publish", action="store_true",
                       help="also refuse conflicting and stale facts on pages, and unmarked "
                            "secondary facts on the help page and in help boxes")
    check.add_argument("--handouts", action="store_true",
                       help="also lay out every handout and report each one that runs past "
                            "one A4 page, and by how much")
    check.set_defaults(func=cmd_check)

    build = sub.add_parser("build", help="build the site atomically (site/ is replaced on success)")
    build.add_argument("--site-dir", default="site")
    build.add_argument("mkdocs_args", nargs="*", help="extra arguments for mkdocs build")
    build.set_defaults(func=cmd_build)

    offline = sub.add_parser("offline", help="write bekal-offline-<date>.zip: the whole site, "
                             "PDFs and slides, to open from a USB stick without internet")
    offline.add_argument("--out", default=".", help="folder for the zip (default: .)")
    offline.add_argument("--keep", metavar="DIR", help="also leave the unzipped bundle in DIR")
    offline.add_argument("--preview", action="store_true",
                         help="allow a local site address (a bundle to try out, not to hand out)")
    offline.set_defaults(func=cmd_offline)

    schema = sub.add_parser("schema", help="write JSON Schemas for the YAML files")
    schema.add_argument("--out", default="scripts/schemas")
    schema.set_defaults(func=cmd_schema)

    status = sub.add_parser("status", help="list missing and out-of-date translations")
    status.add_argument("--strict", action="store_true", help="exit 1 when any is out of date")
    status.add_argument("--accept", nargs="*", default=[], metavar="FILE",
                        help="record these translations as up to date with their source")
    status.set_defaults(func=cmd_status)

    new = sub.add_parser("new", help="create a new module that passes bekal check")
    new.add_argument("slug")
    new.add_argument("--track", required=True)
    new.set_defaults(func=cmd_new)

    publish = sub.add_parser("publish-codes",
                             help="record new short codes in modules/shortlinks.lock.yml "
                                  "(run when you publish; published codes may never change)")
    publish.set_defaults(func=cmd_publish_codes)

    facts = sub.add_parser("facts", help="list facts by trust level; 'sheet' writes a call sheet, "
                           "'record' adds a check to modules/facts.yml")
    facts.add_argument("--level", choices=["conflict", "stale", "secondary", "official"],
                       help="list only facts at this level")
    facts.set_defaults(func=cmd_facts)
    facts_sub = facts.add_subparsers(dest="facts_action")
    sheet = facts_sub.add_parser("sheet", help="write bekal-facts-sheet.html (prints on A4) "
                                 "and bekal-facts-sheet.csv: one row per fact to check")
    sheet.add_argument("--out", default=".", help="folder for the two files (default: .)")
    rec = facts_sub.add_parser("record", help="add a check to a fact in modules/facts.yml, "
                               "keeping its comments, order and layout")
    rec.add_argument("key", help="the fact's key, e.g. hotline.kp2mi.call_center")
    rec.add_argument("--against", required=True, choices=["official", "secondary"],
                     help="official: the law text or the office's own page, document or line")
    rec.add_argument("--source", required=True,
                     help="the web address, the document's title, or the office/role you asked")
    rec.add_argument("--method", required=True,
                     choices=["law-text", "official-page", "stored-copy", "phoned", "visited",
                              "reported"])
    rec.add_argument("--by", help="who checked, as a role (not a person's name)")
    rec.add_argument("--date", help="when you checked (YYYY-MM-DD; default: today)")
    rec.add_argument("--outlet", help="who published the source, e.g. 'KP2MI' or 'Antara'")
    rec.add_argument("--source-date", help="the source's own date, if it has one")
    rec.add_argument("--value", help="only if the source gives ANOTHER value (a conflict)")

    args = parser.parse_args(argv)
    from .model.siteconfig import SiteConfigError

    try:
        return args.func(args)
    except SiteConfigError as err:
        print(f"bekal: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
