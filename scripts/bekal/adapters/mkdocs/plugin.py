"""The MkDocs adapter: wires the Bekal core into MkDocs events. Keep it thin."""

from __future__ import annotations

import functools
import logging
from pathlib import Path, PurePosixPath

from markupsafe import Markup
from mkdocs import utils as mkdocs_utils
from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File
from mkdocs.structure.nav import Navigation, Section

from bekal import outputs
from bekal.checks import run_checks
from bekal.model import content_files
from bekal.model.issues import format_report
from bekal.model.pageref import PageRef
from bekal.model.project import Project, load_project
from bekal.model.site_model import NavSection, nav_layout, site_context
from bekal.model.siteconfig import SiteConfigError, read_site_config
from bekal.pipeline import preview_scope
from bekal.render import (
    facts,
    glossary_links,
    handouts,
    pages,
    phone,
    quiz,
    sanitize,
    services,
    sourcepage,
    theme,
    trainer,
    wallet,
)
from bekal.render.creator import meta
from bekal.render.creator.cards import MissingFont
from bekal.render.problems_page import problems_page
from bekal.render.template_cache import keep_compiled
from bekal.render.trainer import sessions
from bekal.render.wallet.links import links_for as wallet_links

log = get_plugin_logger(__name__)


def _plain_titles(page) -> None:
    """Page titles (front matter, first heading, file name) become escaped text for the theme."""
    if page.meta.get("title") is not None:
        page.meta["title"] = sanitize.plain(str(page.meta["title"]))
    page.title = sanitize.plain(str(page.title or ""))
    for item in _toc_items(page.toc or []):
        item.title = sanitize.plain(str(item.title))


def _publish_only_content(files, docs_dir: Path, root: Path) -> None:
    """Files of content/ that are links, outside the repository or not a published type
    never reach the site (the checks name them)."""
    for file in list(files):
        source = Path(file.abs_src_path) if file.abs_src_path else None
        if source is None or docs_dir not in source.parents:
            continue
        if not content_files.publishable(source, root):
            files.remove(file)


def _toc_items(items):
    for item in items:
        yield item
        yield from _toc_items(item.children)


class BekalConfig(Config):
    enabled = opt.Type(bool, default=True)
    check = opt.Type(bool, default=True)


class BekalPlugin(BasePlugin[BekalConfig]):
    def __init__(self):
        self.project: Project | None = None
        self.facts_used: dict[str, list[str]] = {}
        self.sourced: list[sourcepage.SourcedPage] = []  # this language's pages with facts
        self.pdf_wanted = True
        self.serving = self.dirty = self._lessons_only = False
        self._edited_modules: set[str] = set()
        self.handouts = handouts.HandoutSet()
        self.sessions = sessions.SessionSet()
        self.provinces = services.ProvinceSet()
        self.cards = wallet.CardSet()
        self.command = "build"
        self._i18n = None  # static-i18n, when the site uses it
        self._contexts: dict[str, dict] = {}  # per language, for self._contexts_of
        self._contexts_of: Project | None = None
        self.problems = ""  # while serving broken content: the report every page shows

    # -- helpers ---------------------------------------------------------------
    def _lang(self, config) -> str:
        i18n = config.plugins.get("i18n")
        return getattr(i18n, "current_language", None) or self.project.config.default

    def _page_ref(self, page, config) -> PageRef:
        parts = PurePosixPath(page.file.src_uri).parts
        path = "/".join(parts[1:]) if parts[0] in self.project.config.codes else "/".join(parts)
        return PageRef(path, self._lang(config))

    # -- events ------------------------------------------------------------------
    def on_config(self, config):
        if not self.config.enabled:
            return config
        root = Path(config.config_file_path).parent
        files = preview_scope.snapshot(root)
        self.project = _project(root, files)
        self._i18n = config.plugins.get("i18n")
        if getattr(self, "serving", False) and not getattr(self._i18n, "building", False):
            before, _SERVED[root] = _SERVED.get(root), files
            self._lessons_only = self.dirty and preview_scope.only_lessons(before, files)
            self._edited_modules = preview_scope.edited_modules(before, files)
            _preview_default_only(preview_scope.only_language(before, files,
                                                              self.project.config.default))
            if self._lessons_only:
                log.info("preview: only lessons changed; only their pages are rebuilt")
        return config

    def on_startup(self, *, command, dirty):
        if not self.config.enabled:
            return
        self.command = command
        self.pdf_wanted = handouts.wanted(command)
        self.serving = command == "serve"
        self.dirty = dirty  # `mkdocs serve --dirty`: rebuild only what an edit changed
        if dirty:  # Bekal rebuilds every page when an edit reaches beyond lessons (on_files),
            # so MkDocs' warning that the navigation may be stale does not apply; in strict
            # mode it would stop the preview
            logging.getLogger("mkdocs.commands.build").addFilter(_no_dirty_warning)

    def on_pre_build(self, config):
        """This language's handout PDFs, made before its pages so they can show the real size."""
        self.handouts = handouts.HandoutSet()
        self.sessions = sessions.SessionSet()
        self.sourced = []
        if not self.config.enabled or not self.pdf_wanted or self.project.issues.errors:
            return  # no PDFs: skipped for serve, or broken content the checks report next
        try:
            self.handouts = handouts.build_language(self.project, self._lang(config),
                                                    config.site_name, progress=log.info)
            self.sessions = sessions.build_language(self.project, self._lang(config),
                                                    config.site_name, progress=log.info)
            self.provinces = services.build_language(self.project, self._lang(config))
            self.cards = wallet.build_language(self.project, self._lang(config))
        except handouts.HandoutError as err:
            raise PluginError(str(err)) from None

    def on_env(self, env, config, files):
        """The theme's compiled templates are kept between builds (render/template_cache.py)."""
        if not self.config.enabled:
            return env
        return keep_compiled(env, self.project.root)

    def on_serve(self, server, config, builder):
        if not self.config.enabled:
            return server
        root = self.project.root
        for folder in ("modules", "overrides", "scripts"):
            if (root / folder).exists():
                server.watch(str(root / folder))
        return server

    @event_priority(-110)  # after static-i18n has made this language's file list
    def on_files(self, files, config):
        if not self.config.enabled:
            return files
        _publish_only_content(files, Path(config.docs_dir), self.project.root)
        if self.serving and self.dirty and not self._lessons_only:
            for file in files.documentation_pages():  # not only lessons: every page anew
                file.is_modified = _always
        self._check()
        if not self.problems:
            self._register_outputs(files, config)
        return files

    def _register_outputs(self, files, config) -> None:
        """Bekal's own files of this language (outputs.py) join the site as MkDocs files."""
        made = outputs.Made(self.handouts, self.sessions, self.provinces, self.cards)
        lang = self._lang(config)
        try:
            if self._lessons_only:  # the rest of Bekal's files stay from the last build
                produced = outputs.for_modules(self.project, lang, self._edited_modules)
            else:
                produced = outputs.for_language(self.project, lang, made)
        except MissingFont as err:
            raise PluginError(str(err)) from None
        for output in produced:
            if output.source is not None:
                files.append(File.generated(config, output.path,
                                            abs_src_path=str(output.source)))
            else:
                files.append(File.generated(config, output.path, content=output.content))

    def _check(self) -> None:
        if not self.config.check:
            return
        if getattr(self._i18n, "building", False):
            return  # checked once, in the first language's build
        # under `mkdocs serve` the process remembers its checks; the store is only read
        issues = run_checks(self.project, save=self.command != "serve")
        self.problems = ""
        for issue in issues.warnings:
            log.info(issue.format())
        if issues.errors and self.command == "serve":
            # a failed build would leave the preview's requests waiting: show the problems
            log.info("Bekal found content problems (every page shows them):\n"
                     + format_report(issues))
            self.problems = problems_page(issues.errors)
        elif issues.errors:
            raise PluginError("Bekal found content problems:\n" + format_report(issues))

    @event_priority(-50)
    def on_nav(self, nav, config, files):
        if not self.config.enabled:
            return nav
        lang = self._lang(config)
        by_path = {self._page_ref(p, config).path: p for p in nav.pages}
        items, ordered = [], []
        for entry in nav_layout(self.project, lang):
            if isinstance(entry, NavSection):
                children = [by_path.pop(p) for p in entry.paths if p in by_path]
                if children:
                    items.append(Section(Markup.escape(entry.title), children))
                    ordered += children
            elif entry in by_path:
                page = by_path.pop(entry)
                items.append(page)
                ordered.append(page)
        for item in items:
            item.parent = None
            for child in getattr(item, "children", None) or []:
                child.parent = item
        for previous, page in zip([None, *ordered], ordered, strict=False):
            page.previous_page = previous
            if previous is not None:
                previous.next_page = page
        if ordered:
            ordered[-1].next_page = None
        # pages outside the layout (trainer notes, handouts) stay reachable but off the menu
        return Navigation(items, ordered + [p for p in nav.pages if p not in ordered])

    def on_page_markdown(self, markdown, page, config, files):
        if self.problems:
            return self.problems
        if not self.config.enabled:
            return markdown
        ref = self._page_ref(page, config)
        markdown = pages.expand_markers(self.project, markdown, ref)
        markdown, page.meta["bekal_near"] = services.expand(self.project, markdown, ref.lang,
                                                            page.url, self.provinces)
        markdown = trainer.expand(self.project, markdown, ref.path, ref.lang, page.url,
                                  self.handouts, self.sessions)
        slug = ref.module_slug
        entry = self.project.modules.get(slug) if slug else None
        if entry and entry.module and ref.kind == "index":
            markdown = (pages.module_header(self.project, entry, ref.lang) + markdown
                        + pages.module_footer(self.project, entry, ref.lang))
        markdown, phone_facts = phone.page_markdown(self.project, markdown, ref, page.title)
        markdown += self.handouts.links_for(ref)
        markdown += wallet_links(self.project, self.cards, ref, page.url)
        if getattr(page.file, "locale", ref.lang) != ref.lang:
            notice = sanitize.text(self.project.t(ref.lang, "untranslated_notice"))
            markdown = f'!!! info ""\n\n    {notice}\n\n' + markdown
        used: list[str] = []
        markdown = facts.substitute_page(self.project, markdown, ref.lang, used)
        used += [key for key in phone_facts if key not in used]
        self.facts_used[page.file.src_uri] = used
        return markdown

    def on_page_content(self, html, page, config, files):
        if not self.config.enabled or self.problems:
            return html
        ref = self._page_ref(page, config)
        prefix = self.project.config.prefix(ref.lang)
        html = glossary_links.link_terms(self.project, html, ref.lang, page.url,
                                         f"{prefix}glosarium/")
        used = self.facts_used.setdefault(page.file.src_uri, [])
        html, page.meta["bekal_quiz"] = quiz.for_page(self.project, ref, html, used)
        _plain_titles(page)
        # everything made from content passes the one allowlist; the phone features'
        # assets are Bekal's own, added after it
        html, sourced = sourcepage.with_sources(self.project, ref, html, page.url,
                                                Markup(page.title).unescape(), used)
        if sourced is not None:
            self.sourced.append(sourced)
        html = sanitize.clean(html)
        return phone.with_assets(self.project, ref, html, page.url)

    def _context(self, lang: str) -> dict:
        """The theme's Bekal context of ``lang``: made once per project, a copy per page."""
        if self._contexts_of is not self.project:
            self._contexts_of, self._contexts = self.project, {}
        if lang not in self._contexts:
            self._contexts[lang] = site_context(self.project, lang)
        return dict(self._contexts[lang])

    def on_page_context(self, context, page, config, nav):
        if self.problems:
            context["bekal"] = {"ui": {}}
        elif self.config.enabled:
            ref = self._page_ref(page, config)
            context["bekal"] = self._context(ref.lang)
            head = meta.page_meta(self.project, ref, Markup(page.title).unescape(), page.url,
                                  page.meta.get("description"))
            context["bekal"]["description"] = head.description
            context["bekal"]["head_tags"] = meta.head_tags(self.project, head)
            if page.meta.get("bekal_quiz"):
                context["bekal"]["quiz_assets"] = quiz.asset_urls(self.project, ref.lang)
            if page.meta.get("bekal_near"):
                context["bekal"]["near_assets"] = services.asset_urls()
        return context

    def on_template_context(self, context, template_name, config):
        if self.problems:
            context["bekal"] = {"ui": {}, "home_url": "", "help_url": ""}
        elif self.config.enabled and template_name == "404.html":
            lang = self._lang(config)
            context["bekal"] = self._context(lang)
            if lang == self.project.config.default:
                context["bekal"]["others"] = [self._context(other)
                                              for other in self.project.config.codes
                                              if other != lang]
        return context

    def on_post_page(self, output, page, config):
        return theme.tidy(output) if self.config.enabled else output

    def on_post_template(self, output_content, template_name, config):
        if self.config.enabled and template_name.endswith(".html"):
            return theme.tidy(output_content)
        return output_content

    def on_post_build(self, config):
        """The sources pages of this language's pages (known once the pages are rendered);
        static-i18n writes every language's 404 to site/404.html, so each gets its own."""
        if not self.config.enabled or self.problems:
            return
        for output in sourcepage.outputs(self.project, self.sourced):
            target = Path(config.site_dir) / output.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(output.data())
        lang = self._lang(config)
        page = Path(config.site_dir) / "404.html"
        if not page.exists():
            return
        if lang == self.project.config.default:
            self._default_404 = page.read_bytes()
        elif getattr(self, "_default_404", None) is not None:
            target = Path(config.site_dir) / self.project.config.prefix(lang) / "404.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            page.replace(target)
            page.write_bytes(self._default_404)



def _in_words(event):
    """A setting Bekal cannot use (mkdocs.yml, BEKAL_TODAY) stops MkDocs with its message,
    as `bekal` does, not with a traceback."""
    @functools.wraps(event)
    def run(*args, **kwargs):
        try:
            return event(*args, **kwargs)
        except SiteConfigError as err:
            raise PluginError(str(err)) from None
    return run


for _name in [name for name in vars(BekalPlugin) if name.startswith("on_")]:
    setattr(BekalPlugin, _name, _in_words(getattr(BekalPlugin, _name)))


def _always() -> bool:
    return True


def _no_dirty_warning(record: logging.LogRecord) -> bool:
    return not str(record.msg).startswith("A 'dirty' build is being performed")


_LOADED: dict[Path, tuple[tuple, Project]] = {}
_SERVED: dict[Path, preview_scope.Snapshot] = {}  # the files as the last preview build saw them
_CLEAN, _I18N_BUILD = mkdocs_utils.clean_directory, None


def _project(root: Path, files: preview_scope.Snapshot) -> Project:
    """The project, loaded once for all languages of a build: static-i18n configures each
    language anew, and the files have not changed in between (a rebuild under ``mkdocs
    serve`` after an edit loads them again)."""
    key = tuple(sorted(files.items()))
    cached = _LOADED.get(root)
    if cached is not None and cached[0] == key:
        return cached[1]
    project = load_project(root, read_site_config(root))
    _LOADED[root] = (key, project)
    return project


def _preview_default_only(alone: bool) -> None:
    """Under ``mkdocs serve``: when only pages of the default language changed, this rebuild
    makes that language alone and keeps the other languages' pages of the last rebuild
    (preview_scope.py). The served folder is then not emptied first either."""
    global _I18N_BUILD
    try:
        from mkdocs_static_i18n import plugin as i18n_plugin
    except ImportError:
        return
    if _I18N_BUILD is None:
        _I18N_BUILD = i18n_plugin.build
    mkdocs_utils.clean_directory = (lambda path: None) if alone else _CLEAN
    i18n_plugin.build = (lambda config, dirty=False: None) if alone else _I18N_BUILD
    if alone:
        log.info("preview: only pages of the default language changed; the other languages "
                 "are kept from the last rebuild")
