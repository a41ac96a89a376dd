"""Sharing what worked: a team offers its ended experiment to Innostu (a tip in the moderation queue).

It lives in feedback, above toolkit: the team's experiment page shows the link through a slot
(toolkit.common.slots.EXPERIMENT_PANELS) and never imports this package (docs/feedback.md, "Jaettu kokeilu").
"""
