"""The meeting room's live channel: what one screen of a team's meeting changes, the others show at once.

Django Channels carries it (docs/decisions/008-live-channel.md): a browser opens a WebSocket at a team's live
path and joins its team's group; a view that has saved a change publishes a short message to that group after
the transaction commits. Messages say *what changed* and carry only what every screen of the group may show;
a screen fetches anything more through its ordinary pages, under their access rules, which is also how it
catches up after a reconnect. Across app servers the groups live in Redis (channels-redis); in one process
without Redis (`make run` on the embedded default) in memory. When the channel cannot be reached the pages
poll, as they did before it existed, and nothing answers 500.

Only the plumbing is here; which paths and groups exist is the toolkit's business (settings.LIVE_ROUTES).
"""
