"""Each app's part of the benchmark, named by app label: `generate(ctx, scale)` adds the app's share of the
large content set and `SCENARIOS` lists its measured page types (tests/bench/scenarios.py finds them)."""
