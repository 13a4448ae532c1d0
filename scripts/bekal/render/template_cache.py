"""Compiled templates kept between builds: Jinja's bytecode cache in ``.cache/templates``.

Every build compiles the theme's templates again for each language (MkDocs makes a new Jinja
environment per language build and per preview rebuild), about 30 templates each time and a
fifth of a warm build's time. Jinja can keep what it compiled: a template is compiled again
only when its source changed (Jinja checks a digest of the source on every load).

What Jinja compiles also depends on the environment's options (delimiters, whitespace
control, autoescaping, extensions) and on Jinja's and Python's versions, so the cache has
one folder per such combination. Like Python's ``__pycache__``, the files hold compiled
code: whoever can write the project folder can change the templates themselves anyway.
A folder that cannot be made leaves the environment without a cache: it compiles, as before;
a kept file that cannot be read (cut short, written by hand) is compiled again.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import jinja2
from jinja2 import Environment, FileSystemBytecodeCache
from jinja2.bccache import Bucket

CACHE = ".cache/templates"  # in the project

_OPTIONS = ("block_start_string", "block_end_string", "variable_start_string",
            "variable_end_string", "comment_start_string", "comment_end_string",
            "line_statement_prefix", "line_comment_prefix", "trim_blocks", "lstrip_blocks",
            "newline_sequence", "keep_trailing_newline", "optimized")


class _KeptTemplates(FileSystemBytecodeCache):
    """Jinja's file cache, except that a file it cannot read means "compile again"."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # Jinja unpickles the header unguarded: any error means "compile"
            bucket.reset()


def _compiled_by(env: Environment) -> str:
    """What the compiled code of ``env`` depends on, as a short digest."""
    autoescape = env.autoescape
    if callable(autoescape):
        autoescape = f"{autoescape.__module__}.{getattr(autoescape, '__qualname__', '')}"
    parts = [jinja2.__version__, sys.version, repr(autoescape),
             *(repr(getattr(env, name)) for name in _OPTIONS),
             *sorted(env.extensions)]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def keep_compiled(env: Environment, project_root: Path) -> Environment:
    """Give ``env`` a bytecode cache under the project's ``.cache/templates``; return it."""
    folder = project_root / CACHE / _compiled_by(env)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return env
    env.bytecode_cache = _KeptTemplates(str(folder))
    return env
