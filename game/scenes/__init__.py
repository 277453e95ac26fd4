"""The game's screens, each a small scene on a stack: it shows the model and reports what the trainee did.

A module per scene (`title`, `signin`, `choice`, `briefing`, `reaching`, `call`, `debrief_screen`,
`settings_screen`, `history`, `workshop_overview`, `confirm`, `file_problems`); `scene` is their base,
`stack` the stack, and `scene_flow` says which scene opens when another closes.
"""
