"""The trainer kit: session plans, the trainers' hub, worksheets, answer keys and slides.

No MkDocs import here. The adapter calls ``expand`` while pages are rendered (trainer
guides and the hub) and ``language_outputs`` for each language (the pages the
build writes itself: worksheet, printable answer key and slides of every module).
"""

from .kit import Kit, lesson_source, module_kit
from .plan import expand
from .site import language_outputs

__all__ = ["Kit", "expand", "language_outputs", "lesson_source", "module_kit"]
