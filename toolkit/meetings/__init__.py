"""Meeting plans in the team space: blocks from the tool cards and own blocks, an agenda, an .ics file and a
plan suggested from an assessment round. See docs/meetings.md."""
