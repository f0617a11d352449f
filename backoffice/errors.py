"""Errors a user can act on. Anything else is a bug and surfaces as such."""


class BackofficeError(Exception):
    """An operation refused for a reason the user can fix; the message says which."""


class InputError(BackofficeError):
    """A value typed or read from a file is malformed."""


class NotFound(BackofficeError):
    """An account, client, entry or setting that does not exist."""


class MonthLocked(BackofficeError):
    """An entry dated in a closed month."""


class MissingRate(BackofficeError):
    """No exchange rate for the date and currency an operation needs."""
