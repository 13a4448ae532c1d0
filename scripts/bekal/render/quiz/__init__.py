"""Quizzes: rendering quiz.yml as an accessible form, an answer key, and their assets.

The core of it: no MkDocs import. The adapter calls ``for_page`` for each page and
``asset_outputs`` once per build.
"""

from .assets import asset_outputs, asset_urls
from .page import for_page, place
from .render import render_key, render_quiz

__all__ = ["asset_outputs", "asset_urls", "for_page", "place", "render_key", "render_quiz"]
