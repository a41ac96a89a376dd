"""The benchmark: a large generated content set, the scenarios measured, and the runner (`make bench`).

Each app adds its own part in `<app>/bench.py` with `generate(ctx, scale)` and, optionally, `SCENARIOS`;
see docs/performance.md.
"""
