"""Limits on what the books accept, the same on SQLite and PostgreSQL.

SQLite stores integers in 64 bits and turns an overflowing sum into a REAL,
PostgreSQL refuses it: so the services refuse first, with one message, before
anything is written. The limits are far above any real client of a SaaS
provider and far below what the integer columns hold even summed over every
account (10⁵ accounts × MAX_BALANCE in kopiykas < 2⁶³).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

# One ledger entry, invoice, order or opening balance (UAH or EUR).
MAX_AMOUNT = Decimal("1000000000.00")
# A personal account's balance, either side of zero.
MAX_BALANCE = Decimal("100000000000.00")
# One usage row, an option quantity, a plan's included quantity or limit.
MAX_QUANTITY = 1_000_000_000
# Exchange rates (UAH per unit of currency), four places as the NBU publishes.
MIN_RATE = Decimal("0.0001")
MAX_RATE = Decimal("100000.0000")
# One charge priced in EUR (an overage, a purchase): converted at up to
# 100 UAH per EUR it still fits in one ledger entry (MAX_AMOUNT).
MAX_CHARGE_EUR = Decimal("10000000.00")
# Months of one purchase.
MAX_MONTHS = 36

# Text lengths (characters), the column widths of the schema.
MAX_NAME = 300
MAX_SHORT_NAME = 200
MAX_ADDRESS = 500
MAX_REASON = 500
MAX_COMMENT = 500
MAX_PURPOSE = 1000
MAX_CONTRACT_NO = 60
MAX_MANAGER = 120
MAX_NOTES = 2000

# Business dates: nothing before the year the books could start, nothing more
# than this many days ahead of the machine's clock.
EARLIEST_DATE = dt.date(2000, 1, 1)
MAX_DAYS_AHEAD = 366
