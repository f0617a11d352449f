"""What each action code of the audit log means, in the accountant's words.

The codes (`client.add`) are stable: `audit list --action`, exported files and
scripts use them. A window shows the name in its language; a code that is not
here (a newer program wrote it) is shown as it is.
"""

from __future__ import annotations

import re
from typing import Final

# code → (English, Ukrainian)
ACTION_NAMES: Final[dict[str, tuple[str, str]]] = {
    "account.credit": ("Credit line switched", "Кредитну лінію змінено"),
    "backup.create": ("Backup made", "Резервну копію створено"),
    "backup.restore": ("Restored from a backup", "Відновлено з резервної копії"),
    "catalog.import": ("Catalog imported", "Каталог імпортовано"),
    "catalog.option_add": ("Catalog option added", "Опцію каталогу додано"),
    "catalog.option_change": ("Catalog option changed", "Опцію каталогу змінено"),
    "catalog.plan_version": ("New plan version", "Нова версія тарифу"),
    "client.add": ("Client added", "Клієнта додано"),
    "client.edit": ("Client's requisites changed", "Реквізити клієнта змінено"),
    "clients.add": ("Clients added", "Клієнтів додано"),
    "clients.import": ("Clients imported", "Клієнтів імпортовано"),
    "daily.run": ("Daily run", "Щоденне нарахування"),
    "demo.fill": ("Demo data filled", "Демонстраційні дані"),
    "documents.contract_after": (
        "Documents dated before the contract",
        "Документи, датовані до договору",
    ),
    "documents.snapshot": ("Documents fixed", "Документи зафіксовано"),
    "invoice.cancel": ("Invoice cancelled", "Рахунок скасовано"),
    "invoice.issue": ("Invoice issued", "Рахунок виставлено"),
    "invoice.run": ("Invoice run", "Виставлення рахунків за період"),
    "ledger.reverse": ("Entry reversed", "Проведення сторновано"),
    "ledger.topup_manual": ("Manual top-up", "Ручне поповнення"),
    "mail.queue": ("Letters queued", "Листи поставлено в чергу"),
    "mail.send": ("Letters sent", "Листи надіслано"),
    "month.close": ("Month closed", "Місяць закрито"),
    "month.lock": ("Month locked", "Місяць заблоковано"),
    "month.reopen": ("Month reopened", "Місяць відкрито знову"),
    "order.complete": ("Order completed", "Замовлення виконано"),
    "order.create": ("Order made", "Замовлення створено"),
    "rate.correct": ("Rate corrected", "Курс виправлено"),
    "rate.fetch": ("NBU rates fetched", "Курси НБУ завантажено"),
    "rate.set": ("Rate entered", "Курс внесено"),
    "rates.import": ("Rates imported", "Курси імпортовано"),
    "settings.seal": ("Secret sealed", "Секрет захищено"),
    "settings.set": ("Setting changed", "Налаштування змінено"),
    "statements.assign": ("Payment assigned", "Платіж зараховано вручну"),
    "statements.ignore": ("Payment ignored", "Платіж пропущено"),
    "statements.import": ("Bank statement imported", "Виписку імпортовано"),
    "statements.profile": ("Statement profile saved", "Профіль виписки збережено"),
    "statements.unassign": ("Assignment undone", "Зарахування скасовано"),
    "statements.undo": ("Statement import undone", "Імпорт виписки скасовано"),
    "subscription.add_options": ("Options added", "Опції додано"),
    "subscription.auto_renew": ("Auto-renewal switched", "Автопродовження змінено"),
    "subscription.change_plan": ("Plan changed", "Тариф змінено"),
    "subscription.order": ("Subscription ordered", "Підписку замовлено"),
    "subscription.resume": ("Subscription resumed", "Підписку відновлено"),
    "subscription.suspend": ("Subscription suspended", "Підписку призупинено"),
    "usage.add": ("Usage entered", "Споживання внесено"),
    "usage.import": ("Usage imported", "Споживання імпортовано"),
    "user.add": ("User added", "Користувача додано"),
    "user.disable": ("User disabled", "Користувача вимкнено"),
    "user.enable": ("User enabled", "Користувача увімкнено"),
    "user.locked": ("User locked out", "Користувача заблоковано"),
    "user.password": ("Password changed", "Пароль змінено"),
    "user.role": ("Role changed", "Роль змінено"),
}


def action_name(code: str, language: str = "uk") -> str:
    """The action's name in `language` ("uk" or "en"); an unknown code as it is."""
    names = ACTION_NAMES.get(code)
    if names is None:
        return code
    return names[0] if language == "en" else names[1]


# the fields of before/after values, for the detail pane (Ukrainian; English shows the key)
FIELD_NAMES: Final[dict[str, str]] = {
    "account": "Особовий рахунок",
    "accounts": "Рахунки",
    "acts": "Акти",
    "active": "Активний",
    "already": "Уже були",
    "amount": "Сума",
    "auto_renew": "Автопродовження",
    "backup_revision": "Версія схеми копії",
    "bytes": "Розмір, байт",
    "clients": "Клієнти",
    "code": "Код",
    "date": "Дата",
    "days": "Днів",
    "duplicate": "Повтори",
    "entries": "Проведення",
    "errors": "Помилки",
    "failed": "Не вдалося",
    "file": "Файл",
    "format": "Формат",
    "hash": "Контрольна сума",
    "skipped": "Пропущено",
    "ignored": "Не зараховано",
    "first": "Перший",
    "from": "З",
    "issued": "Виставлено",
    "kind": "Вид",
    "last": "Останній",
    "learned_iban": "Запам'ятовано IBAN",
    "matched": "Розпізнано",
    "month": "Місяць",
    "months": "Місяців",
    "name": "Назва",
    "new": "Нові",
    "opening_balance": "Вхідний залишок",
    "opening_balances": "Вхідні залишки",
    "option": "Опція",
    "plan": "Тариф",
    "previous": "Попередня база",
    "quantity": "Кількість",
    "queued": "У черзі",
    "reason": "Причина",
    "reversal": "Сторно",
    "revision": "Версія схеми",
    "role": "Роль",
    "rows": "Рядків",
    "sent": "Надіслано",
    "source": "Джерело",
    "to": "По",
    "total": "Сума",
    "total_uah": "Сума, грн",
    "unmatched": "Нерозпізнані",
    "without_email": "Без e-mail",
}


def field_name(key: str, language: str = "uk") -> str:
    """A before/after field's name in `language`; a field not here as its key."""
    return key if language == "en" else FIELD_NAMES.get(key, key)


# what a record is about, as the services name it ("account OR-000001") → Ukrainian
OBJECT_KINDS: Final[dict[str, str]] = {
    "statement line": "рядок виписки",
    "accounts": "рахунки",
    "account": "рахунок",
    "invoice": "рахунок-фактура",
    "act": "акт",
    "batch": "пакет",
    "entry": "проведення",
    "month": "місяць",
    "order": "замовлення",
    "profile": "профіль",
    "user": "користувач",
    "client": "клієнт",
}


def object_name(subject: str, language: str = "uk") -> str:
    """The record's object in `language`: its kind word translated, the rest as stored."""
    if language == "en":
        return subject
    subject = _ISO_DATE.sub(r"\3.\2.\1", subject)  # dates as written here: 07.12.2026
    for kind, name in OBJECT_KINDS.items():
        if subject.startswith(kind + " "):
            return name + subject[len(kind) :]
    return subject


_ISO_DATE: Final = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
