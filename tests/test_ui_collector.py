"""The GUI's cycle collector: automatic collection off, collection on the GUI thread's timer."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import gc

from pytestqt.qtbot import QtBot

from backoffice.bulk import gc_paused, paused_gc
from ui.collector import GuiThreadCollector


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_cycles_are_collected_by_the_timer_not_by_allocation(qtbot: QtBot) -> None:
    # The test fixture already runs a collector; this one is checked on its own.
    collector = GuiThreadCollector()
    collector.start()
    try:
        assert not gc.isenabled()
        gc.collect()
        for _ in range(gc.get_threshold()[0] * 3):
            Cycle()
        assert gc.get_count()[0] > gc.get_threshold()[0]  # nothing collected them yet
        with paused_gc():
            assert gc_paused()
            collector.check()
            assert gc.get_count()[0] > gc.get_threshold()[0]  # bulk work asked for no pass
        assert not gc_paused()
        collector.check()
        assert gc.get_count()[0] < gc.get_threshold()[0]
    finally:
        collector.stop()
    assert not gc.isenabled()  # as it found it: the fixture's collector had switched it off
