"""The audit log viewer: every write, who, when, from where, before → after."""
