"""The benchmark: a large generated content set, the scenarios measured, and the runner (`make bench`).

It lives with the tests, outside the installed product packages, and the product never imports it (pyproject's
import contract). `python -m tests.bench <command>` runs it (see __main__.py); each app adds its own part in
`tests/bench/apps/<app label>.py` with `generate(ctx, scale)` and, optionally, `SCENARIOS`; see
docs/performance.md.
"""
