"""Measuring the built site: a local host, page weight, throttled loads, page types.

Used by the tests (tests/test_weight.py), ``make audit`` (scripts/audit.py) and
``make bench`` (scripts/bench.py). Nothing here imports MkDocs.
"""
