"""The background operations of one widget, kept until they have surely ended."""

from __future__ import annotations

from ui.background import BackgroundOp


class Jobs:
    """A finished op is deleted when the next one starts, not as it reports:
    deleting it from its own `finished` crashed the process now and then (a
    quick job's worker thread can still be returning from its last signal)."""

    def __init__(self) -> None:
        self.running: list[BackgroundOp] = []
        self._ended: list[BackgroundOp] = []

    def start(self, op: BackgroundOp) -> BackgroundOp:
        for old in self._ended:
            old.deleteLater()
        self._ended.clear()
        self.running.append(op)
        op.finished.connect(lambda: self._finished(op))
        return op.start()

    def _finished(self, op: BackgroundOp) -> None:
        if op in self.running:
            self.running.remove(op)
        self._ended.append(op)

    def busy(self) -> bool:
        return bool(self.running)
