"""Thin views of the meeting plans under /tiimi/<token>/palaverit/. The rules are in toolkit.meetings.services.

Every change is a plain POST form that redirects back (303) to the plan; errors re-render the plan with the
member's input next to the fields (400), and a stale edit re-renders it with the current plan and the
member's input kept (409). JavaScript only moves focus and announces moves; the
facilitation timer's controls are the one JSON exchange (views.facilitation).

The modules: page (the plan page's context and the shared helpers), plans (the list, a plan's details,
deleting a plan), blocks (a plan's blocks), exports (agenda, .ics), facilitation (the shared
facilitation view, its follower view and its state), from_tool (adding a tool from
its card or the finder) and suggest (a plan suggested from an assessment round). toolkit.meetings.urls names
each view by its module.
"""
