"""The game's screens, each a small scene on a stack: it shows the model and reports what the trainee did."""
