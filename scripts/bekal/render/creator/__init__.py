"""The kit for video creators: the link kit page, short links, QR codes, preview cards and
the Open Graph tags that use them (a language's files: ``assets.language_outputs``)."""
