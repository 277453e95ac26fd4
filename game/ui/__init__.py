"""Drawing for the game window: theme, fonts, wrapped text, buttons, portrait, sound."""
