"""Back to the server after it was lost.

PostgreSQL engines are made with `pool_pre_ping`: a connection found dead
is replaced at its next checkout, so once the server answers again the next
action simply works. What is left to the window is to know when that is:
`reconnect()` tries each engine the window works on (registered by `watch`)
and, once they answer, asks every screen to reload, since what they show was
read before the loss.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from backoffice.db.server_connection import answers
from ui.background import ACCOUNTS, INVOICES, STATEMENTS, change_hub

if TYPE_CHECKING:
    from sqlalchemy import Engine

# Every name screens reload on that this module knows of; screens added later
# that listen to other names reload on their next action instead.
EVERYTHING = frozenset({ACCOUNTS, STATEMENTS, INVOICES})

_engines: weakref.WeakSet[Engine] = weakref.WeakSet()


def watch(engine: Engine) -> None:
    _engines.add(engine)


def reconnect() -> BaseException | None:
    """None when every watched engine answers again (the screens then reload),
    else the error of the first that does not."""
    for engine in list(_engines):
        try:
            answers(engine)
        except Exception as exc:  # still down: the caller says so and offers Retry again
            return exc
    change_hub().changed.emit(EVERYTHING)
    return None
