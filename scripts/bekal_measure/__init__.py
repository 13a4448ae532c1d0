"""Measuring the built site: a local host, page weight, throttled loads, page types, large
generated projects.

Beside the runtime package ``bekal``, not in it: ``bekal`` never imports this package. Used by
the tests (tests/test_weight.py, test_a11y.py, test_html_valid.py, ...), ``make audit``
(scripts/audit.py) and ``make bench`` (scripts/bench.py). Nothing here imports MkDocs.
"""
