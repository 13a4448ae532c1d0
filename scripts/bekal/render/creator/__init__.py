"""The kit for video creators: the hub that lists every module (kit.py), a kit page per
module (module_page.py), short links, QR codes, preview cards and the Open Graph tags that
use them (a language's files: ``assets.language_outputs``)."""
