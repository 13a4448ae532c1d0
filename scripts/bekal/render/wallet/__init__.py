"""The wallet card: per destination, four bank-card-size panels to print, cut and carry.

Built from modules/contacts.yml (a group with a ``guide`` gets a card): the local
emergency and anti-scam numbers, the Indonesian missions, the ministry's numbers from
abroad, blanks the worker fills in herself, and a QR code to the destination guide.
No MkDocs import; the adapter calls ``build_language`` before a language's pages.
"""

from .build import Card, CardSet, build_language, card_groups

__all__ = ["Card", "CardSet", "build_language", "card_groups"]
