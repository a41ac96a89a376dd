"""The assessment room's views, one module per concern: rounds (start, the facilitator's page, reveal and
close), consensus (the progressive save), respond (the anonymous respondents), results (page and CSV) and
self_assessment. All answer the team room's way: TemplateResponse, the friendly 404 of `team_view`, JSON
only when `Accept` asks for it (toolkit/team/autosave.py)."""
