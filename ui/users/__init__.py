"""Users in the window: the log-in at start, password changes, the users screen."""
