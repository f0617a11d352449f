"""A small line chart of an account's balance by day, painted with QPainter.

No chart library: the card needs one line, its zero and its extremes. The
points are (day, closing balance) from `client_card.balance_by_day`; the
line steps at each day with entries, as a balance does.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.format import format_amount, format_date

LINE = QColor("#1565c0")
ZERO = QColor("#9e9e9e")
NEGATIVE = QColor("#c62828")


class BalanceChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[tuple[dt.date, Decimal]] = []
        self.setMinimumHeight(110)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:
        return QSize(400, 130)

    def set_points(self, points: list[tuple[dt.date, Decimal]]) -> None:
        self.points = list(points)
        self.setToolTip(
            self.tr("Balance from {first} to {last}").format(
                first=format_date(points[0][0]), last=format_date(points[-1][0])
            )
            if points
            else ""
        )
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        if not self.points:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No entries yet"))
            return
        values = [v for _, v in self.points]
        low, high = min(min(values), Decimal(0)), max(max(values), Decimal(0))
        if low == high:
            high = low + 1
        label_width = max(
            metrics.horizontalAdvance(format_amount(high)),
            metrics.horizontalAdvance(format_amount(low)),
        )
        area = QRectF(
            label_width + 10,
            metrics.height() / 2 + 2,
            self.width() - label_width - 16,
            self.height() - metrics.height() * 2 - 6,
        )
        first = self.points[0][0].toordinal()
        # one day more than the days shown: the last day's balance gets its own stretch
        span = self.points[-1][0].toordinal() + 1 - first

        def x_of(day: dt.date) -> float:
            return area.left() + area.width() * (day.toordinal() - first) / span

        def y_of(value: Decimal) -> float:
            # a pixel position: float is fine here, the amount itself stays Decimal
            return area.bottom() - area.height() * float((value - low) / (high - low))

        painter.setPen(QPen(ZERO, 1, Qt.PenStyle.DashLine))
        painter.drawLine(
            QPointF(area.left(), y_of(Decimal(0))), QPointF(area.right(), y_of(Decimal(0)))
        )
        painter.setPen(self.palette().text().color())
        for value in (high, low):
            painter.drawText(
                QRectF(0, y_of(value) - metrics.height() / 2, label_width + 4, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                format_amount(value),
            )
        bottom = area.bottom() + 4
        painter.drawText(
            QRectF(area.left(), bottom, area.width(), metrics.height()),
            Qt.AlignmentFlag.AlignLeft,
            format_date(self.points[0][0]),
        )
        painter.drawText(
            QRectF(area.left(), bottom, area.width(), metrics.height()),
            Qt.AlignmentFlag.AlignRight,
            format_date(self.points[-1][0]),
        )
        path = QPainterPath()
        day, value = self.points[0]
        path.moveTo(x_of(day), y_of(value))
        for day, value in self.points[1:]:
            path.lineTo(x_of(day), path.currentPosition().y())  # held until the day it moves
            path.lineTo(x_of(day), y_of(value))
        path.lineTo(area.right(), path.currentPosition().y())
        painter.setPen(QPen(LINE if values[-1] >= 0 else NEGATIVE, 2))
        painter.drawPath(path)
