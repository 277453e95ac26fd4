"""Drawing for the game window: the look (theme, fonts at the window's scale, the interface texts), wrapped
text, buttons and menus, the chrome around a screen, the week grid and the ladder, the buyer's portrait, icons
and sound."""
