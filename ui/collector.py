"""Python's cycle collector, run in the GUI thread only.

Left automatic, the collector runs in whichever thread happens to allocate
past the threshold, which is often a background job's worker. If that pass
frees a Qt object held in a reference cycle, the object is destroyed outside
the GUI thread and the process crashes (seen as a segfault while a worker was
reading invoices). So automatic collection is switched off and a timer in the
GUI thread does the same work on the same thresholds (the approach of
pyqtgraph's GarbageCollector). It waits while bulk work has paused collection
(`backoffice.bulk.paused_gc`), as automatic collection would.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from backoffice.bulk import gc_paused

CHECK_EVERY_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._was_enabled = True
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer.start(CHECK_EVERY_MS)

    def stop(self) -> None:
        """Collect once more and give automatic collection back as it was."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()

    def check(self) -> None:
        if gc_paused():
            return
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                gc.collect(generation)
                return
