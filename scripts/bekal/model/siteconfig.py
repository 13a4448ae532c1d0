"""What the core needs from mkdocs.yml, read as plain YAML (no MkDocs import)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

from bekal.model.yamlio import impossible_date
from bekal.routes import Routes


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml even with !ENV and !!python tags, which we do not need."""


def _ignore_tag(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
        return os.environ.get(value, None) if suffix == "ENV" else value
    if isinstance(node, yaml.SequenceNode):
        seq = loader.construct_sequence(node)
        if suffix == "ENV":  # !ENV [VAR, ..., default], as MkDocs reads it
            for name in seq[:-1]:
                if os.environ.get(name):
                    return os.environ[name]
        return seq[-1] if seq else None
    return loader.construct_mapping(node)


_TolerantLoader.add_multi_constructor("!", _ignore_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


class SiteConfigError(ValueError):
    """mkdocs.yml cannot be read or does not say what Bekal needs, or a setting from the
    environment (BEKAL_TODAY) is not one Bekal can use."""


def read_mkdocs_yml(root: Path) -> dict:
    """mkdocs.yml's settings; SiteConfigError (in words, with the line) if it cannot be
    read. Every part of Bekal that reads mkdocs.yml reads it here."""
    path = root / "mkdocs.yml"
    text = None
    try:
        text = path.read_text("utf-8")
        config = yaml.load(text, Loader=_TolerantLoader)
    except FileNotFoundError:
        raise SiteConfigError(f"{path} does not exist: run bekal in the project folder, "
                              "or give it with --root") from None
    except (OSError, UnicodeDecodeError) as err:
        raise SiteConfigError(f"{path} cannot be read: {err}") from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = f":{mark.line + 1}" if mark else ""
        raise SiteConfigError(f"mkdocs.yml{line}: YAML cannot be read: {err.problem}") from None
    except yaml.YAMLError as err:
        raise SiteConfigError(f"mkdocs.yml: YAML cannot be read: {err}") from None
    except (ValueError, OverflowError):  # a date that looks like one but is not
        line, value = impossible_date(text or "", _TolerantLoader)
        raise SiteConfigError(f"mkdocs.yml:{line}: '{value}' is not a real date; quote it "
                              "to keep it as text") from None
    if not isinstance(config, dict):
        raise SiteConfigError("mkdocs.yml must be a block of settings")
    return config


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    default: bool


@dataclass(frozen=True)
class SiteConfig:
    root: Path
    languages: tuple[Language, ...]
    site_url: str
    docs_dir: str
    directory_urls: bool = True
    favicon: str | None = None   # the theme's icon, from the site root ('assets/x.svg')

    @cached_property
    def routes(self) -> Routes:
        """Every URL of the site (routes.py), with this site's language prefixes."""
        return Routes({code: self.prefix(code) for code in self.codes}, self.directory_urls)

    @property
    def codes(self) -> list[str]:
        return [lang.code for lang in self.languages]

    @property
    def default(self) -> str:
        return next(lang.code for lang in self.languages if lang.default)

    def prefix(self, lang: str) -> str:
        """URL prefix of a language: '' for the default, 'en/' for the others."""
        return "" if lang == self.default else f"{lang}/"


def read_site_config(root: Path) -> SiteConfig:
    config = read_mkdocs_yml(root)
    languages: list[Language] = []
    try:
        for plugin in config.get("plugins") or []:
            if isinstance(plugin, dict) and "i18n" in plugin:
                for lang in plugin["i18n"].get("languages", []):
                    languages.append(Language(str(lang["locale"]),
                                              str(lang.get("name", lang["locale"])),
                                              bool(lang.get("default"))))
    except (AttributeError, KeyError, TypeError):
        raise SiteConfigError("mkdocs.yml: the i18n plugin's languages must each have "
                              "'locale:' (and one 'default: true')") from None
    if languages and not any(lang.default for lang in languages):
        raise SiteConfigError("mkdocs.yml: no i18n language has 'default: true'")
    if not languages:
        languages = [Language("id", "Bahasa Indonesia", True)]
    site_url = str(config.get("site_url") or "http://127.0.0.1:8000/")
    theme = config.get("theme")
    favicon = theme.get("favicon") if isinstance(theme, dict) else None
    return SiteConfig(root, tuple(languages), site_url.rstrip("/") + "/",
                      config.get("docs_dir", "docs"),
                      config.get("use_directory_urls", True) is not False,
                      str(favicon).lstrip("/") if isinstance(favicon, str) and favicon else None)


def markdown_extensions(root: Path) -> tuple[list[str], dict[str, dict]]:
    """mkdocs.yml's ``markdown_extensions`` as Python-Markdown takes them: names, configs."""
    config = read_mkdocs_yml(root)
    names: list[str] = []
    configs: dict[str, dict] = {}
    for item in config.get("markdown_extensions") or []:
        if isinstance(item, dict):
            for name, options in item.items():
                names.append(name)
                configs[name] = dict(options or {})
        else:
            names.append(str(item))
    return names, configs
