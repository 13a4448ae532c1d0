"""The trainer kit: session plans, the trainers' hub, worksheets, answer keys and slides.

No MkDocs import here. The adapter calls ``expand`` while pages are rendered (trainer
guides and the hub) and ``write_language`` after a language is built (the pages the
build writes itself: worksheet, printable answer key and slides of every module).
"""

from .kit import Kit, href, lesson_source, module_kit
from .plan import expand
from .site import write_language

__all__ = ["Kit", "expand", "href", "lesson_source", "module_kit", "write_language"]
