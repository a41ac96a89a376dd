"""The benchmark's commands, Django management commands in form but outside any installed app, so that the
product does not ship them; `python -m tests.bench <name>` runs them (tests/bench/__main__.py)."""
