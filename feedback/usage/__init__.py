"""The owner's usage figures in the admin (docs/usage-figures.md, docs/decisions/010-usage-figures.md).

It lives in feedback, the highest app, because it reads the toolkit's data (tool counters, rounds, plans) and
feedback's own (submissions): an app reads only the apps below it.
"""
