<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA">
    <context>
        <name>AccountPicker</name>
        <message>
            <location filename="../../ui/account_picker.py" line="59" />
            <source>Client name, ЄДРПОУ/РНОКПП or account number</source>
            <translation>Назва клієнта, ЄДРПОУ/РНОКПП або номер рахунку</translation>
        </message>
        <message>
            <location filename="../../ui/account_picker.py" line="61" />
            <source>Type to search all accounts; ↓ goes to the list</source>
            <translation>Введіть текст для пошуку серед усіх рахунків; ↓ переходить до списку</translation>
        </message>
        <message>
            <location filename="../../ui/account_picker.py" line="68" />
            <source>Account</source>
            <translation>Особовий рахунок</translation>
        </message>
        <message>
            <location filename="../../ui/account_picker.py" line="70" />
            <source>Client</source>
            <translation>Клієнт</translation>
        </message>
        <message>
            <location filename="../../ui/account_picker.py" line="75" />
            <source>Kind</source>
            <translation>Вид</translation>
        </message>
        <message>
            <location filename="../../ui/account_picker.py" line="77" />
            <source>ЄДРПОУ/РНОКПП</source>
            <translation>ЄДРПОУ/РНОКПП</translation>
        </message>
        <message>
            <location filename="../../ui/account_picker.py" line="79" />
            <source>Balance</source>
            <translation>Баланс</translation>
        </message>
        <message>
            <location filename="../../ui/account_picker.py" line="82" />
            <source>Proposed</source>
            <translation>Запропоновано</translation>
        </message>
        <message>
            <location filename="../../ui/account_picker.py" line="83" />
            <source>candidate</source>
            <translation>запропоновано</translation>
        </message>
        <message>
            <location filename="../../ui/account_picker.py" line="92" />
            <source>Enter or double click chooses the account</source>
            <translation>Enter або подвійне клацання вибирає рахунок</translation>
        </message>
        <message>
            <location filename="../../ui/account_picker.py" line="95" />
            <source>&amp;Find account:</source>
            <translation>&amp;Знайти рахунок:</translation>
        </message>
        <message>
            <location filename="../../ui/account_picker.py" line="125" />
            <source>Cannot read the accounts</source>
            <translation>Не вдалося прочитати особові рахунки</translation>
        </message>
        <message>
            <location filename="../../ui/account_picker.py" line="137" />
            <source>Only the first {n} accounts are listed: type more to narrow them.</source>
            <translation>Показано лише перші {n} рахунків: уточніть пошук.</translation>
        </message>
    </context>
    <context>
        <name>AccountTableModel</name>
        <message>
            <location filename="../../ui/account_table.py" line="45" />
            <source>Account</source>
            <translation>Особовий рахунок</translation>
        </message>
        <message>
            <location filename="../../ui/account_table.py" line="46" />
            <source>Client</source>
            <translation>Клієнт</translation>
        </message>
        <message>
            <location filename="../../ui/account_table.py" line="47" />
            <source>Kind</source>
            <translation>Вид</translation>
        </message>
        <message>
            <location filename="../../ui/account_table.py" line="48" />
            <source>ЄДРПОУ/РНОКПП</source>
            <translation>ЄДРПОУ/РНОКПП</translation>
        </message>
        <message>
            <location filename="../../ui/account_table.py" line="49" />
            <source>Balance</source>
            <translation>Баланс</translation>
        </message>
        <message>
            <location filename="../../ui/account_table.py" line="50" />
            <source>Access</source>
            <translation>Доступ</translation>
        </message>
        <message>
            <location filename="../../ui/account_table.py" line="51" />
            <source>Last top-up</source>
            <translation>Останнє поповнення</translation>
        </message>
        <message>
            <location filename="../../ui/account_table.py" line="54" />
            <source>Legal entity</source>
            <translation>Юридична особа</translation>
        </message>
        <message>
            <location filename="../../ui/account_table.py" line="55" />
            <source>Sole proprietor</source>
            <translation>ФОП</translation>
        </message>
        <message>
            <location filename="../../ui/account_table.py" line="56" />
            <source>Individual</source>
            <translation>Фізична особа</translation>
        </message>
        <message>
            <location filename="../../ui/account_table.py" line="59" />
            <source>Active</source>
            <translation>Активний</translation>
        </message>
        <message>
            <location filename="../../ui/account_table.py" line="60" />
            <source>Blocked</source>
            <translation>Заблоковано</translation>
        </message>
        <message>
            <location filename="../../ui/account_table.py" line="64" />
            <source>not enough money for the plan</source>
            <translation>бракує коштів для тарифу</translation>
        </message>
        <message>
            <location filename="../../ui/account_table.py" line="65" />
            <source>the renewal invoice is not paid</source>
            <translation>не оплачено рахунок на продовження</translation>
        </message>
        <message>
            <location filename="../../ui/account_table.py" line="66" />
            <source>the subscription is suspended</source>
            <translation>підписку призупинено</translation>
        </message>
        <message>
            <location filename="../../ui/account_table.py" line="67" />
            <source>the paid period has ended</source>
            <translation>оплачений період закінчився</translation>
        </message>
        <message>
            <location filename="../../ui/account_table.py" line="68" />
            <source>the prepaid balance has expired</source>
            <translation>строк дії передоплати минув</translation>
        </message>
        <message>
            <location filename="../../ui/account_table.py" line="69" />
            <source>over the plan's limit too long</source>
            <translation>ліміт тарифу перевищено надто довго</translation>
        </message>
        <message>
            <location filename="../../ui/account_table.py" line="101" />
            <source>{access}: {reason}</source>
            <translation>{access}: {reason}</translation>
        </message>
    </context>
    <context>
        <name>ActsScreen</name>
        <message>
            <location filename="../../ui/acts/acts_screen.py" line="55" />
            <source>With &amp;cancelled</source>
            <translation>З &amp;анульованими</translation>
        </message>
        <message>
            <location filename="../../ui/acts/acts_screen.py" line="57" />
            <source>&amp;Print acts of the month…</source>
            <translation>&amp;Друкувати акти місяця…</translation>
        </message>
        <message>
            <location filename="../../ui/acts/acts_screen.py" line="65" />
            <source>Number</source>
            <translation>Номер</translation>
        </message>
        <message>
            <location filename="../../ui/acts/acts_screen.py" line="66" />
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <location filename="../../ui/acts/acts_screen.py" line="67" />
            <source>Client</source>
            <translation>Клієнт</translation>
        </message>
        <message>
            <location filename="../../ui/acts/acts_screen.py" line="68" />
            <source>Account</source>
            <translation>Рахунок</translation>
        </message>
        <message>
            <location filename="../../ui/acts/acts_screen.py" line="69" />
            <source>Total, UAH</source>
            <translation>Сума, грн</translation>
        </message>
        <message>
            <location filename="../../ui/acts/acts_screen.py" line="70" />
            <source>Total, EUR</source>
            <translation>Сума, EUR</translation>
        </message>
        <message>
            <location filename="../../ui/acts/acts_screen.py" line="71" />
            <source>Status</source>
            <translation>Стан</translation>
        </message>
        <message>
            <location filename="../../ui/acts/acts_screen.py" line="86" />
            <source>No acts for this month: acts are made when the month is closed (Closing).</source>
            <translation>Актів за цей місяць немає: акти складаються під час закриття місяця (Закриття).</translation>
        </message>
        <message>
            <location filename="../../ui/acts/acts_screen.py" line="89" />
            <source>&amp;Month:</source>
            <translation>&amp;Місяць:</translation>
        </message>
        <message>
            <location filename="../../ui/acts/acts_screen.py" line="102" />
            <source>Acts</source>
            <translation>Акти</translation>
        </message>
        <message>
            <location filename="../../ui/acts/acts_screen.py" line="140" />
            <source>Reading the acts…</source>
            <translation>Читання актів…</translation>
        </message>
        <message>
            <location filename="../../ui/acts/acts_screen.py" line="157" />
            <source>cancelled</source>
            <translation>скасовано</translation>
        </message>
        <message>
            <location filename="../../ui/acts/acts_screen.py" line="157" />
            <source>issued</source>
            <translation>виписано</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/acts/acts_screen.py" line="164" />
            <source>%n act(s)</source>
            <translation>
                <numerusform>%n акт</numerusform>
                <numerusform>%n акти</numerusform>
                <numerusform>%n актів</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/acts/acts_screen.py" line="171" />
            <source>Save PDF</source>
            <translation>Зберегти PDF</translation>
        </message>
        <message>
            <location filename="../../ui/acts/acts_screen.py" line="173" />
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../ui/acts/acts_screen.py" line="183" />
            <source>Printing the acts to {name}…</source>
            <translation>Друк актів у {name}…</translation>
        </message>
    </context>
    <context>
        <name>AssignDialog</name>
        <message>
            <location filename="../../ui/assign_dialog.py" line="61" />
            <source>Assign payment to an account</source>
            <translation>Зарахувати платіж на особовий рахунок</translation>
        </message>
        <message>
            <location filename="../../ui/assign_dialog.py" line="65" />
            <source>&lt;b&gt;{amount} UAH&lt;/b&gt; of {date} from &lt;b&gt;{payer}&lt;/b&gt; (code {code}, IBAN {iban})&lt;br&gt;{purpose}&lt;br&gt;&lt;span style='color:gray'&gt;{file}, line {line}&lt;/span&gt;</source>
            <translation>&lt;b&gt;{amount} грн&lt;/b&gt; від {date}, платник &lt;b&gt;{payer}&lt;/b&gt; (код {code}, IBAN {iban})&lt;br&gt;{purpose}&lt;br&gt;&lt;span style='color:gray'&gt;{file}, рядок {line}&lt;/span&gt;</translation>
        </message>
        <message>
            <location filename="../../ui/assign_dialog.py" line="83" />
            <source>The day the money unblocks services</source>
            <translation>День, з якого гроші розблоковують послуги</translation>
        </message>
        <message>
            <location filename="../../ui/assign_dialog.py" line="86" />
            <source>Business &amp;date:</source>
            <translation>&amp;Дата проведення:</translation>
        </message>
        <message>
            <location filename="../../ui/assign_dialog.py" line="91" />
            <source>&amp;Assign…</source>
            <translation>&amp;Зарахувати…</translation>
        </message>
        <message>
            <location filename="../../ui/assign_dialog.py" line="133" />
            <source>Assign payment</source>
            <translation>Зарахування платежу</translation>
        </message>
        <message>
            <location filename="../../ui/assign_dialog.py" line="136" />
            <source>Post &lt;b&gt;{amount} UAH&lt;/b&gt; from {payer} to account &lt;b&gt;{account}&lt;/b&gt; of &lt;b&gt;{client}&lt;/b&gt;?</source>
            <translation>Зарахувати &lt;b&gt;{amount} грн&lt;/b&gt; від {payer} на особовий рахунок &lt;b&gt;{account}&lt;/b&gt; клієнта &lt;b&gt;{client}&lt;/b&gt;?</translation>
        </message>
        <message>
            <location filename="../../ui/assign_dialog.py" line="146" />
            <source>The client's balance grows by this amount.</source>
            <translation>Баланс клієнта збільшиться на цю суму.</translation>
        </message>
        <message>
            <location filename="../../ui/assign_dialog.py" line="148" />
            <source>&amp;Post</source>
            <translation>&amp;Зарахувати</translation>
        </message>
        <message>
            <location filename="../../ui/assign_dialog.py" line="149" />
            <source>&amp;Do not post</source>
            <translation>&amp;Не зараховувати</translation>
        </message>
        <message>
            <location filename="../../ui/assign_dialog.py" line="169" />
            <source>Payment not assigned</source>
            <translation>Платіж не зараховано</translation>
        </message>
    </context>
    <context>
        <name>AuditDetail</name>
        <message>
            <location filename="../../ui/audit/audit_detail.py" line="41" />
            <source>yes</source>
            <translation>так</translation>
        </message>
        <message>
            <location filename="../../ui/audit/audit_detail.py" line="41" />
            <source>no</source>
            <translation>ні</translation>
        </message>
        <message>
            <location filename="../../ui/audit/audit_detail.py" line="65" />
            <source>workstation unknown</source>
            <translation>робоче місце невідоме</translation>
        </message>
        <message>
            <location filename="../../ui/audit/audit_detail.py" line="75" />
            <source>Before</source>
            <translation>Було</translation>
        </message>
        <message>
            <location filename="../../ui/audit/audit_detail.py" line="77" />
            <source>After</source>
            <translation>Стало</translation>
        </message>
        <message>
            <location filename="../../ui/audit/audit_detail.py" line="79" />
            <source>No values recorded.</source>
            <translation>Значень не записано.</translation>
        </message>
        <message>
            <location filename="../../ui/audit/audit_detail.py" line="93" />
            <source>Field</source>
            <translation>Поле</translation>
        </message>
    </context>
    <context>
        <name>AuditScreen</name>
        <message>
            <location filename="../../ui/audit/audit_screen.py" line="76" />
            <source>Cannot read the audit log</source>
            <translation>Не вдалося прочитати журнал змін</translation>
        </message>
        <message>
            <location filename="../../ui/audit/audit_screen.py" line="81" />
            <source>Choose a record to see what it changed</source>
            <translation>Виберіть запис, щоб побачити, що він змінив</translation>
        </message>
        <message>
            <location filename="../../ui/audit/audit_screen.py" line="85" />
            <source>&amp;From:</source>
            <translation>&amp;З:</translation>
        </message>
        <message>
            <location filename="../../ui/audit/audit_screen.py" line="87" />
            <source>&amp;To:</source>
            <translation>&amp;По:</translation>
        </message>
        <message>
            <location filename="../../ui/audit/audit_screen.py" line="90" />
            <source>Only this user's records</source>
            <translation>Лише записи цього користувача</translation>
        </message>
        <message>
            <location filename="../../ui/audit/audit_screen.py" line="92" />
            <source>Only records of this kind</source>
            <translation>Лише записи цього виду</translation>
        </message>
        <message>
            <location filename="../../ui/audit/audit_screen.py" line="97" />
            <source>&amp;Export list…</source>
            <translation>&amp;Експорт списку…</translation>
        </message>
        <message>
            <location filename="../../ui/audit/audit_screen.py" line="99" />
            <source>Save the records as listed to an XLSX or CSV file</source>
            <translation>Зберегти записи, як у списку, у файл XLSX або CSV</translation>
        </message>
        <message>
            <location filename="../../ui/audit/audit_screen.py" line="102" />
            <source>&amp;Refresh</source>
            <translation>&amp;Оновити</translation>
        </message>
        <message>
            <location filename="../../ui/audit/audit_screen.py" line="102" />
            <source>Read the log again</source>
            <translation>Прочитати журнал ще раз</translation>
        </message>
        <message>
            <location filename="../../ui/audit/audit_screen.py" line="108" />
            <source>No records match the filters: widen the dates or clear the filters</source>
            <translation>Немає записів за цими умовами: розширте дати або зніміть фільтри</translation>
        </message>
        <message>
            <location filename="../../ui/audit/audit_screen.py" line="122" />
            <source>Audit log</source>
            <translation>Журнал змін</translation>
        </message>
        <message>
            <location filename="../../ui/audit/audit_screen.py" line="130" />
            <source>Time, UTC</source>
            <translation>Час, UTC</translation>
        </message>
        <message>
            <location filename="../../ui/audit/audit_screen.py" line="139" />
            <source>User</source>
            <translation>Користувач</translation>
        </message>
        <message>
            <location filename="../../ui/audit/audit_screen.py" line="147" />
            <source>Workstation</source>
            <translation>Робоче місце</translation>
        </message>
        <message>
            <location filename="../../ui/audit/audit_screen.py" line="155" />
            <source>Action</source>
            <translation>Дія</translation>
        </message>
        <message>
            <location filename="../../ui/audit/audit_screen.py" line="164" />
            <source>Object</source>
            <translation>Об'єкт</translation>
        </message>
        <message>
            <location filename="../../ui/audit/audit_screen.py" line="174" />
            <source>Before</source>
            <translation>Було</translation>
        </message>
        <message>
            <location filename="../../ui/audit/audit_screen.py" line="182" />
            <source>After</source>
            <translation>Стало</translation>
        </message>
        <message>
            <location filename="../../ui/audit/audit_screen.py" line="209" />
            <source>All users</source>
            <translation>Усі користувачі</translation>
        </message>
        <message>
            <location filename="../../ui/audit/audit_screen.py" line="213" />
            <source>All actions</source>
            <translation>Усі дії</translation>
        </message>
        <message>
            <location filename="../../ui/audit/audit_screen.py" line="236" />
            <source>Filter by object, workstation, before or after</source>
            <translation>Пошук за об'єктом, робочим місцем, значеннями «було» чи «стало»</translation>
        </message>
        <message>
            <location filename="../../ui/audit/audit_screen.py" line="238" />
            <source>&amp;User:</source>
            <translation>&amp;Користувач:</translation>
        </message>
        <message>
            <location filename="../../ui/audit/audit_screen.py" line="240" />
            <source>&amp;Action:</source>
            <translation>&amp;Дія:</translation>
        </message>
        <message>
            <location filename="../../ui/audit/audit_screen.py" line="300" />
            <source>{n} records</source>
            <translation>Записів: {n}</translation>
        </message>
        <message>
            <location filename="../../ui/audit/audit_screen.py" line="313" />
            <source>Export the audit log</source>
            <translation>Експорт журналу змін</translation>
        </message>
        <message>
            <location filename="../../ui/audit/audit_screen.py" line="319" />
            <source>Saved {p}</source>
            <translation>Збережено {p}</translation>
        </message>
    </context>
    <context>
        <name>BackgroundOp</name>
        <message>
            <location filename="../../ui/background.py" line="191" />
            <source>Cancelling…</source>
            <translation>Скасування…</translation>
        </message>
        <message>
            <location filename="../../ui/background.py" line="198" />
            <source>Cancel</source>
            <translation>Скасувати</translation>
        </message>
    </context>
    <context>
        <name>BackupActions</name>
        <message>
            <location filename="../../ui/backup_actions.py" line="33" />
            <source>&amp;Back up the database…</source>
            <translation>&amp;Резервна копія бази…</translation>
        </message>
        <message>
            <location filename="../../ui/backup_actions.py" line="34" />
            <source>Save a copy of the whole database to a folder</source>
            <translation>Зберегти копію всієї бази даних у папку</translation>
        </message>
        <message>
            <location filename="../../ui/backup_actions.py" line="36" />
            <source>&amp;Restore from a backup…</source>
            <translation>&amp;Відновити з резервної копії…</translation>
        </message>
        <message>
            <location filename="../../ui/backup_actions.py" line="38" />
            <source>Replace the database with a backup, once the backup passes the check</source>
            <translation>Замінити базу даних резервною копією, якщо копія пройде перевірку</translation>
        </message>
        <message>
            <location filename="../../ui/backup_actions.py" line="43" />
            <source>Back up into folder</source>
            <translation>Папка для резервної копії</translation>
        </message>
        <message>
            <location filename="../../ui/backup_actions.py" line="51" />
            <source>Backing up…</source>
            <translation>Створення резервної копії…</translation>
        </message>
        <message>
            <location filename="../../ui/backup_actions.py" line="54" />
            <source>Backup written to {path}</source>
            <translation>Резервну копію збережено: {path}</translation>
        </message>
        <message>
            <location filename="../../ui/backup_actions.py" line="60" />
            <source>Restore from backup</source>
            <translation>Відновлення з резервної копії</translation>
        </message>
        <message>
            <location filename="../../ui/backup_actions.py" line="65" />
            <source>Restore</source>
            <translation>Відновити</translation>
        </message>
        <message>
            <location filename="../../ui/backup_actions.py" line="66" />
            <source>Replace the whole database with the backup {path}?

Everything entered after the backup was made is lost. Close the program on every other workstation first.</source>
            <translation>Замінити всю базу даних резервною копією {path}?

Усе, що внесено після створення копії, буде втрачено. Спершу закрийте програму на всіх інших робочих місцях.</translation>
        </message>
        <message>
            <location filename="../../ui/backup_actions.py" line="81" />
            <source>Restoring…</source>
            <translation>Відновлення…</translation>
        </message>
        <message>
            <location filename="../../ui/backup_actions.py" line="86" />
            <source>Restored {path}: {accounts} accounts, {entries} entries, check ok</source>
            <translation>Відновлено з {path}: рахунків — {accounts}, операцій — {entries}, перевірка пройдена</translation>
        </message>
    </context>
    <context>
        <name>BalanceChart</name>
        <message>
            <location filename="../../ui/clients/balance_chart.py" line="37" />
            <source>Balance from {first} to {last}</source>
            <translation>Залишок з {first} по {last}</translation>
        </message>
        <message>
            <location filename="../../ui/clients/balance_chart.py" line="51" />
            <source>No entries yet</source>
            <translation>Проведень ще немає</translation>
        </message>
    </context>
    <context>
        <name>BusinessDateButton</name>
        <message>
            <location filename="../../ui/status_date.py" line="32" />
            <source>The date operations are done on; click to set another</source>
            <translation>Дата, якою виконуються операції; натисніть, щоб задати іншу</translation>
        </message>
        <message>
            <location filename="../../ui/status_date.py" line="38" />
            <source>Business date: {date}</source>
            <translation>Робоча дата: {date}</translation>
        </message>
    </context>
    <context>
        <name>BusinessDateDialog</name>
        <message>
            <location filename="../../ui/status_date.py" line="53" />
            <source>Business date</source>
            <translation>Робоча дата</translation>
        </message>
        <message>
            <location filename="../../ui/status_date.py" line="58" />
            <source>Operations of this session (daily run, closing, postings) take this date. The next start is today again.</source>
            <translation>Операції цього сеансу (щоденна обробка, закриття, проведення) виконуються цією датою. Під час наступного запуску знову буде сьогоднішня.</translation>
        </message>
        <message>
            <location filename="../../ui/status_date.py" line="67" />
            <source>Today</source>
            <translation>Сьогодні</translation>
        </message>
    </context>
    <context>
        <name>CatalogScreen</name>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="65" />
            <source>policy's</source>
            <translation>за політикою</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="67" />
            <source>{n} mo. {p}%</source>
            <translation>{n} міс. {p}%</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="73" />
            <source>ready-made</source>
            <translation>готовий</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="73" />
            <source>custom</source>
            <translation>індивідуальний</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="73" />
            <source>free</source>
            <translation>безкоштовний</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="80" />
            <source>Code</source>
            <translation>Код</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="81" />
            <source>Plan</source>
            <translation>Тариф</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="82" />
            <source>Kind</source>
            <translation>Вид</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="83" />
            <source>Version</source>
            <translation>Версія</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="84" />
            <source>Since</source>
            <translation>Діє з</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="86" />
            <source>EUR a month</source>
            <translation>EUR на місяць</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="93" />
            <source>Includes</source>
            <translation>Включено</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="100" />
            <source>Limits</source>
            <translation>Ліміти</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="103" />
            <source>Discounts</source>
            <translation>Знижки</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="110" />
            <source>Subscriptions</source>
            <translation>Підписок</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="134" />
            <source>metered</source>
            <translation>за обсягом</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="134" />
            <source>limit</source>
            <translation>ліміт</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="134" />
            <source>flat fee</source>
            <translation>щомісячна плата</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="142" />
            <source>Option</source>
            <translation>Опція</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="143" />
            <source>Unit</source>
            <translation>Одиниця</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="145" />
            <source>Type</source>
            <translation>Тип</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="148" />
            <source>EUR per unit</source>
            <translation>EUR за одиницю</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="151" />
            <source>Overage ×</source>
            <translation>Понад включене ×</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="175" />
            <source>name</source>
            <translation>назва</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="176" />
            <source>unit</source>
            <translation>одиниця</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="177" />
            <source>type</source>
            <translation>тип</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="179" />
            <source>overage ×</source>
            <translation>понад включене ×</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="194" />
            <source>When</source>
            <translation>Коли</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="195" />
            <source>Who</source>
            <translation>Хто</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="197" />
            <source>Change</source>
            <translation>Зміна</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="198" />
            <source>added</source>
            <translation>додано</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="198" />
            <source>changed</source>
            <translation>змінено</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="203" />
            <source>Before</source>
            <translation>Було</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="205" />
            <source>After</source>
            <translation>Стало</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="276" />
            <source>No plans yet: New plan… adds one, Import catalog… reads a JSON file.</source>
            <translation>Тарифів ще немає: «Новий тариф…» додає один, «Імпорт каталогу…» читає файл JSON.</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="280" />
            <source>No options yet: New option… adds one, Import catalog… reads a file.</source>
            <translation>Опцій ще немає: «Нова опція…» додає одну, «Імпорт каталогу…» читає файл.</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="291" />
            <source>Catalog</source>
            <translation>Каталог</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="295" />
            <source>&amp;New plan…</source>
            <translation>&amp;Новий тариф…</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="295" />
            <source>Add a plan</source>
            <translation>Додати тариф</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="299" />
            <source>&amp;Change plan…</source>
            <translation>&amp;Змінити тариф…</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="301" />
            <source>Change the selected plan's price or terms: its next version</source>
            <translation>Змінити ціну чи умови вибраного тарифу: його наступна версія</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="305" />
            <source>New &amp;option…</source>
            <translation>Нова &amp;опція…</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="307" />
            <source>Add an option of the tariff constructor</source>
            <translation>Додати опцію конструктора тарифів</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="311" />
            <source>Change op&amp;tion…</source>
            <translation>Змінити о&amp;пцію…</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="313" />
            <source>Change the selected option's name, unit or price</source>
            <translation>Змінити назву, одиницю чи ціну вибраної опції</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="317" />
            <source>&amp;Import catalog…</source>
            <translation>&amp;Імпорт каталогу…</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="319" />
            <source>Read options and plans from a catalog JSON file</source>
            <translation>Прочитати опції й тарифи з файлу каталогу JSON</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="330" />
            <source>Filter plans</source>
            <translation>Фільтр тарифів</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="333" />
            <source>Versions of the plan</source>
            <translation>Версії тарифу</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="350" />
            <source>Filter options</source>
            <translation>Фільтр опцій</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="353" />
            <source>Changes of the option</source>
            <translation>Зміни опції</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="366" />
            <source>&amp;Plans</source>
            <translation>&amp;Тарифи</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="367" />
            <source>Op&amp;tions</source>
            <translation>О&amp;пції</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="391" />
            <source>Cannot read the catalog</source>
            <translation>Не вдалося прочитати каталог</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="420" />
            <source>Choose a plan to see its versions.</source>
            <translation>Виберіть тариф, щоб побачити його версії.</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="430" />
            <source>«{name}»: {n} versions. The newest applies to new subscriptions and renewals; a running period keeps the version it was bought at.</source>
            <translation>«{name}»: версій {n}. Найновіша діє для нових підписок і поновлень; оплачений період зберігає версію, за якою його куплено.</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="441" />
            <source>Choose an option to see its changes.</source>
            <translation>Виберіть опцію, щоб побачити її зміни.</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="451" />
            <source>«{name}»: {price} EUR per {unit}.</source>
            <translation>«{name}»: {price} EUR за одиницю ({unit}).</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="514" />
            <source>Plan added</source>
            <translation>Тариф додано</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="515" />
            <source>The plan's new version is saved</source>
            <translation>Нову версію тарифу збережено</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="516" />
            <source>Option added</source>
            <translation>Опцію додано</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="517" />
            <source>Option changed</source>
            <translation>Опцію змінено</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="518" />
            <source>Nothing changed</source>
            <translation>Нічого не змінилося</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="523" />
            <source>Import catalog</source>
            <translation>Імпорт каталогу</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="523" />
            <source>Catalog (*.json);;All files (*)</source>
            <translation>Каталог (*.json);;Усі файли (*)</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="539" />
            <source>Importing {name}…</source>
            <translation>Імпорт {name}…</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_screen.py" line="549" />
            <source>{name}: {plans} plans added, {versions} new versions, {options} options added, {changed} changed, {unchanged} unchanged.</source>
            <translation>{name}: тарифів додано {plans}, нових версій {versions}, опцій додано {options}, змінено {changed}, без змін {unchanged}.</translation>
        </message>
    </context>
    <context>
        <name>ChangePlanDialog</name>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="404" />
            <source>Change plan: account {number}</source>
            <translation>Зміна тарифу: рахунок {number}</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="408" />
            <source>&lt;b&gt;{number}&lt;/b&gt; — {client}&lt;br&gt;Now: «{plan}», {status}</source>
            <translation>&lt;b&gt;{number}&lt;/b&gt; — {client}&lt;br&gt;Зараз: «{plan}», {status}</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="418" />
            <source>Choose the new plan.</source>
            <translation>Оберіть новий тариф.</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="423" />
            <source>e.g. the client asked by letter of 05.11.2026</source>
            <translation>напр. лист клієнта від 05.11.2026</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="427" />
            <source>New &amp;plan:</source>
            <translation>Новий &amp;тариф:</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="428" />
            <source>Business &amp;date:</source>
            <translation>&amp;Дата проведення:</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="429" />
            <source>&amp;Reason:</source>
            <translation>&amp;Підстава:</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="435" />
            <source>&amp;Change plan…</source>
            <translation>&amp;Змінити тариф…</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="459" />
            <source>Reading the catalog…</source>
            <translation>Читання каталогу…</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="468" />
            <source>{name} — {eur} EUR a month</source>
            <translation>{name} — {eur} EUR на місяць</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="493" />
            <source>Working out the price…</source>
            <translation>Розрахунок вартості…</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="513" />
            <source>Prorated: the difference for the {left} days left of {total}.</source>
            <translation>Пропорційно: різниця за {left} днів, що залишилися, з {total}.</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="518" />
            <source>Full month: the new plan's month is debited in full, no refund; what the old plan included burns.</source>
            <translation>Повний місяць: місяць нового тарифу списується повністю, без повернення; невикористане за старим тарифом згорає.</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="527" />
            <source>The change would be refused: {reason}</source>
            <translation>Зміну буде відхилено: {reason}</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="537" />
            <source>&lt;b&gt;To pay: {uah} UAH&lt;/b&gt; ({eur} EUR)</source>
            <translation>&lt;b&gt;До сплати: {uah} грн&lt;/b&gt; ({eur} EUR)</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="543" />
            <source>&lt;b&gt;Refund to the account: {uah} UAH&lt;/b&gt; ({eur} EUR)</source>
            <translation>&lt;b&gt;Повернення на рахунок: {uah} грн&lt;/b&gt; ({eur} EUR)</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="548" />
            <source>Nothing is debited or refunded.</source>
            <translation>Нічого не списується і не повертається.</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="551" />
            <source>NBU rate {rate}, markup {markup} %</source>
            <translation>Курс НБУ {rate}, націнка {markup} %</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="555" />
            <source>Funds: {funds} UAH</source>
            <translation>Кошти: {funds} грн</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="559" />
            <source>Missing {missing} UAH: top up first.</source>
            <translation>Бракує {missing} грн: спершу поповніть рахунок.</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="581" />
            <source>Change plan</source>
            <translation>Зміна тарифу</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="584" />
            <source>{uah} UAH will be debited.</source>
            <translation>Буде списано {uah} грн.</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="586" />
            <source>{uah} UAH will be refunded.</source>
            <translation>Буде повернуто {uah} грн.</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="588" />
            <source>No money moves.</source>
            <translation>Кошти не рухаються.</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="590" />
            <source>Change the plan of account &lt;b&gt;{number}&lt;/b&gt; from «{old}» to «{new}»? {money}</source>
            <translation>Змінити тариф рахунку &lt;b&gt;{number}&lt;/b&gt; з «{old}» на «{new}»? {money}</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="600" />
            <source>&amp;Change plan</source>
            <translation>&amp;Змінити тариф</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="601" />
            <source>&amp;Keep the plan</source>
            <translation>&amp;Залишити тариф</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="624" />
            <source>Changing the plan…</source>
            <translation>Зміна тарифу…</translation>
        </message>
    </context>
    <context>
        <name>ClientCard</name>
        <message>
            <location filename="../../ui/clients/client_card.py" line="83" />
            <source>Client card</source>
            <translation>Картка клієнта</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="95" />
            <source>&amp;Top up…</source>
            <translation>&amp;Поповнити…</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="96" />
            <source>&amp;Reverse entry…</source>
            <translation>С&amp;торнувати проведення…</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="97" />
            <source>C&amp;orrection…</source>
            <translation>&amp;Коригування…</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="98" />
            <source>&amp;Edit requisites</source>
            <translation>&amp;Змінити реквізити</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="99" />
            <source>&amp;Save…</source>
            <translation>З&amp;берегти…</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="100" />
            <source>Cancel editing</source>
            <translation>Скасувати зміни</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="138" />
            <source>No entries yet: a top-up or a payment adds one.</source>
            <translation>Проведень ще немає: їх додають поповнення та оплати.</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="149" />
            <source>No payments yet.</source>
            <translation>Оплат ще немає.</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="162" />
            <source>No invoices for this client.</source>
            <translation>Рахунків-фактур цього клієнта немає.</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="167" />
            <source>No acts yet: the monthly closing makes them.</source>
            <translation>Актів ще немає: їх створює закриття місяця.</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="170" />
            <source>No alerts for this client.</source>
            <translation>Сповіщень для цього клієнта немає.</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="173" />
            <source>Requisites</source>
            <translation>Реквізити</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="174" />
            <source>Personal account</source>
            <translation>Особовий рахунок</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="177" />
            <source>Subscription</source>
            <translation>Підписка</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="178" />
            <source>Invoices</source>
            <translation>Рахунки-фактури</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="179" />
            <source>Acts</source>
            <translation>Акти</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="180" />
            <source>Alerts</source>
            <translation>Сповіщення</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="181" />
            <source>Payments</source>
            <translation>Оплати</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="214" />
            <source>Client card: {name}</source>
            <translation>Картка клієнта: {name}</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="232" />
            <source>ЄДРПОУ</source>
            <translation>ЄДРПОУ</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="232" />
            <source>РНОКПП</source>
            <translation>РНОКПП</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="237" />
            <source>no subscription</source>
            <translation>без підписки</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="241" />
            <source>{plan}, {status}, paid until {until}</source>
            <translation>{plan}, {status}, оплачено до {until}</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="245" />
            <source>contract № {number} of {date}</source>
            <translation>договір № {number} від {date}</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="249" />
            <source>no contract</source>
            <translation>немає договору</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="256" />
            <source>Personal account &lt;b&gt;{number}&lt;/b&gt;: balance &lt;b&gt;{balance}&lt;/b&gt; UAH</source>
            <translation>Особовий рахунок &lt;b&gt;{number}&lt;/b&gt;: залишок &lt;b&gt;{balance}&lt;/b&gt; грн</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="259" />
            <source>Access: {access}</source>
            <translation>Доступ: {access}</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="260" />
            <source>Subscription: {plan}</source>
            <translation>Підписка: {plan}</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="323" />
            <source>Save requisites</source>
            <translation>Збереження реквізитів</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="324" />
            <source>Changed: {fields}.&lt;br&gt;Documents already issued keep the old requisites.</source>
            <translation>Змінено: {fields}.&lt;br&gt;Уже виставлені документи зберігають попередні реквізити.</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="327" />
            <source>&amp;Save</source>
            <translation>З&amp;берегти</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="331" />
            <source>e.g. the client's letter of 05.12.2026</source>
            <translation>напр., лист клієнта від 05.12.2026</translation>
        </message>
    </context>
    <context>
        <name>ClientImportDialog</name>
        <message>
            <location filename="../../ui/clients/import_dialog.py" line="63" />
            <source>Import clients</source>
            <translation>Імпорт клієнтів</translation>
        </message>
        <message>
            <location filename="../../ui/clients/import_dialog.py" line="65" />
            <source>Choose an Excel (XLSX) or CSV file with a header row.</source>
            <translation>Виберіть файл Excel (XLSX) або CSV з рядком заголовків.</translation>
        </message>
        <message>
            <location filename="../../ui/clients/import_dialog.py" line="67" />
            <source>&amp;Choose file…</source>
            <translation>&amp;Вибрати файл…</translation>
        </message>
        <message>
            <location filename="../../ui/clients/import_dialog.py" line="72" />
            <source>The rows of the file and what happens to each appear here.</source>
            <translation>Тут з'являться рядки файлу і що буде з кожним.</translation>
        </message>
        <message>
            <location filename="../../ui/clients/import_dialog.py" line="79" />
            <source>&amp;Import</source>
            <translation>&amp;Імпортувати</translation>
        </message>
        <message>
            <location filename="../../ui/clients/import_dialog.py" line="82" />
            <source>Close</source>
            <translation>Закрити</translation>
        </message>
        <message>
            <location filename="../../ui/clients/import_dialog.py" line="96" />
            <source>Line</source>
            <translation>Рядок</translation>
        </message>
        <message>
            <location filename="../../ui/clients/import_dialog.py" line="98" />
            <source>Client</source>
            <translation>Клієнт</translation>
        </message>
        <message>
            <location filename="../../ui/clients/import_dialog.py" line="105" />
            <source>Code</source>
            <translation>Код</translation>
        </message>
        <message>
            <location filename="../../ui/clients/import_dialog.py" line="108" />
            <source>Result</source>
            <translation>Результат</translation>
        </message>
        <message>
            <location filename="../../ui/clients/import_dialog.py" line="110" />
            <source>error: {reason}</source>
            <translation>помилка: {reason}</translation>
        </message>
        <message>
            <location filename="../../ui/clients/import_dialog.py" line="113" />
            <source>will be added; {warning}</source>
            <translation>буде додано; {warning}</translation>
        </message>
        <message>
            <location filename="../../ui/clients/import_dialog.py" line="115" />
            <source>will be added</source>
            <translation>буде додано</translation>
        </message>
        <message>
            <location filename="../../ui/clients/import_dialog.py" line="131" />
            <source>the kind “{kind}” is not ЮО, ФОП or ФО</source>
            <translation>вид «{kind}» не ЮО, ФОП чи ФО</translation>
        </message>
        <message>
            <location filename="../../ui/clients/import_dialog.py" line="135" />
            <source>{what} {code}: the check digit does not match</source>
            <translation>{what} {code}: контрольна цифра не збігається</translation>
        </message>
        <message>
            <location filename="../../ui/clients/import_dialog.py" line="139" />
            <source>{what} {code}: wrong number of digits</source>
            <translation>{what} {code}: неправильна кількість цифр</translation>
        </message>
        <message>
            <location filename="../../ui/clients/import_dialog.py" line="143" />
            <source>{what} {code}: digits only</source>
            <translation>{what} {code}: лише цифри</translation>
        </message>
        <message>
            <location filename="../../ui/clients/import_dialog.py" line="145" />
            <source>IBAN {iban} is not valid</source>
            <translation>IBAN {iban} неправильний</translation>
        </message>
        <message>
            <location filename="../../ui/clients/import_dialog.py" line="148" />
            <source>“{email}” is not an e-mail address</source>
            <translation>«{email}» не є адресою ел. пошти</translation>
        </message>
        <message>
            <location filename="../../ui/clients/import_dialog.py" line="152" />
            <source>a client with code {code} already exists (account {account})</source>
            <translation>клієнт з кодом {code} уже є (рахунок {account})</translation>
        </message>
        <message>
            <location filename="../../ui/clients/import_dialog.py" line="156" />
            <source>the code {code} repeats line {line}</source>
            <translation>код {code} повторює рядок {line}</translation>
        </message>
        <message>
            <location filename="../../ui/clients/import_dialog.py" line="158" />
            <source>no name</source>
            <translation>немає назви</translation>
        </message>
        <message>
            <location filename="../../ui/clients/import_dialog.py" line="159" />
            <source>a legal entity needs its ЄДРПОУ</source>
            <translation>юридичній особі потрібен ЄДРПОУ</translation>
        </message>
        <message>
            <location filename="../../ui/clients/import_dialog.py" line="160" />
            <source>a sole proprietor needs a РНОКПП</source>
            <translation>ФОП потрібен РНОКПП</translation>
        </message>
        <message>
            <location filename="../../ui/clients/import_dialog.py" line="161" />
            <source>the contract date is not a date</source>
            <translation>дата договору не є датою</translation>
        </message>
        <message>
            <location filename="../../ui/clients/import_dialog.py" line="170" />
            <source>Client workbook</source>
            <translation>Файл клієнтів</translation>
        </message>
        <message>
            <location filename="../../ui/clients/import_dialog.py" line="170" />
            <source>Tables (*.xlsx *.csv);;All files (*)</source>
            <translation>Таблиці (*.xlsx *.csv);;Усі файли (*)</translation>
        </message>
        <message>
            <location filename="../../ui/clients/import_dialog.py" line="178" />
            <source>File: {name}</source>
            <translation>Файл: {name}</translation>
        </message>
        <message>
            <location filename="../../ui/clients/import_dialog.py" line="186" />
            <source>Checking the file…</source>
            <translation>Перевірка файлу…</translation>
        </message>
        <message>
            <location filename="../../ui/clients/import_dialog.py" line="198" />
            <source>{bad} of {total} rows have errors: nothing can be imported. Correct the file and choose it again.</source>
            <translation>{bad} з {total} рядків мають помилки: імпортувати нічого не можна. Виправте файл і виберіть його знову.</translation>
        </message>
        <message>
            <location filename="../../ui/clients/import_dialog.py" line="206" />
            <source>All {total} rows are correct: Import adds {good} clients.</source>
            <translation>Усі {total} рядків правильні: «Імпортувати» додасть клієнтів: {good}.</translation>
        </message>
        <message>
            <location filename="../../ui/clients/import_dialog.py" line="224" />
            <source>Importing clients…</source>
            <translation>Імпорт клієнтів…</translation>
        </message>
        <message>
            <location filename="../../ui/clients/import_dialog.py" line="231" />
            <source>{count} clients imported.</source>
            <translation>Імпортовано клієнтів: {count}.</translation>
        </message>
    </context>
    <context>
        <name>ClientsScreen</name>
        <message>
            <location filename="../../ui/clients/clients_screen.py" line="61" />
            <source>No clients yet: add one with New client… or import a workbook.</source>
            <translation>Клієнтів ще немає: додайте клієнта («Новий клієнт…») або імпортуйте файл.</translation>
        </message>
        <message>
            <location filename="../../ui/clients/clients_screen.py" line="63" />
            <source>No client matches the filter.</source>
            <translation>Жоден клієнт не відповідає пошуку.</translation>
        </message>
        <message>
            <location filename="../../ui/clients/clients_screen.py" line="68" />
            <source>&amp;Open card</source>
            <translation>&amp;Відкрити картку</translation>
        </message>
        <message>
            <location filename="../../ui/clients/clients_screen.py" line="68" />
            <source>Open the client card (Enter)</source>
            <translation>Відкрити картку клієнта (Enter)</translation>
        </message>
        <message>
            <location filename="../../ui/clients/clients_screen.py" line="71" />
            <source>&amp;New client…</source>
            <translation>&amp;Новий клієнт…</translation>
        </message>
        <message>
            <location filename="../../ui/clients/clients_screen.py" line="71" />
            <source>Add a client</source>
            <translation>Додати клієнта</translation>
        </message>
        <message>
            <location filename="../../ui/clients/clients_screen.py" line="75" />
            <source>&amp;Import clients…</source>
            <translation>&amp;Імпорт клієнтів…</translation>
        </message>
        <message>
            <location filename="../../ui/clients/clients_screen.py" line="77" />
            <source>Add clients from an Excel or CSV file</source>
            <translation>Додати клієнтів з файлу Excel або CSV</translation>
        </message>
        <message>
            <location filename="../../ui/clients/clients_screen.py" line="85" />
            <source>Find: name, code or account number</source>
            <translation>Пошук: назва, код або номер рахунку</translation>
        </message>
        <message>
            <location filename="../../ui/clients/clients_screen.py" line="100" />
            <source>Clients</source>
            <translation>Клієнти</translation>
        </message>
        <message>
            <location filename="../../ui/clients/clients_screen.py" line="110" />
            <source>Clients: {count}</source>
            <translation>Клієнтів: {count}</translation>
        </message>
        <message>
            <location filename="../../ui/clients/clients_screen.py" line="113" />
            <source>no contract</source>
            <translation>немає договору</translation>
        </message>
        <message>
            <location filename="../../ui/clients/clients_screen.py" line="116" />
            <source>Account</source>
            <translation>Рахунок</translation>
        </message>
        <message>
            <location filename="../../ui/clients/clients_screen.py" line="124" />
            <source>Client</source>
            <translation>Клієнт</translation>
        </message>
        <message>
            <location filename="../../ui/clients/clients_screen.py" line="132" />
            <source>Kind</source>
            <translation>Вид</translation>
        </message>
        <message>
            <location filename="../../ui/clients/clients_screen.py" line="140" />
            <source>ЄДРПОУ/РНОКПП</source>
            <translation>ЄДРПОУ/РНОКПП</translation>
        </message>
        <message>
            <location filename="../../ui/clients/clients_screen.py" line="148" />
            <source>Balance, UAH</source>
            <translation>Залишок, грн</translation>
        </message>
        <message>
            <location filename="../../ui/clients/clients_screen.py" line="156" />
            <source>Access</source>
            <translation>Доступ</translation>
        </message>
        <message>
            <location filename="../../ui/clients/clients_screen.py" line="164" />
            <source>Contract</source>
            <translation>Договір</translation>
        </message>
        <message>
            <location filename="../../ui/clients/clients_screen.py" line="170" />
            <source>№ {number} of {date}</source>
            <translation>№ {number} від {date}</translation>
        </message>
        <message>
            <location filename="../../ui/clients/clients_screen.py" line="177" />
            <source>Without a contract, invoices and acts cite none: enter it in the card.</source>
            <translation>Без договору рахунки й акти не посилаються на нього: внесіть його в картці.</translation>
        </message>
    </context>
    <context>
        <name>ClosingScreen</name>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="74" />
            <source>The day the daily job runs for</source>
            <translation>День, за який виконується щоденна обробка</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="76" />
            <source>&amp;Run the daily job</source>
            <translation>&amp;Виконати щоденну обробку</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="78" />
            <source>Renewals, overage, daily charges, expiry, blocking, alerts and the invoice run</source>
            <translation>Продовження, перевищення, щоденні списання, згоряння залишків, блокування, сповіщення й виписка рахунків</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="90" />
            <source>Month</source>
            <translation>Місяць</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="91" />
            <source>State</source>
            <translation>Стан</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="92" />
            <source>Closed</source>
            <translation>Закрито</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="93" />
            <source>Acts</source>
            <translation>Акти</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="94" />
            <source>Total, UAH</source>
            <translation>Сума, грн</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="100" />
            <source>&amp;Preview closing</source>
            <translation>&amp;Попередній перегляд закриття</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="101" />
            <source>What the closing would do, writing nothing</source>
            <translation>Що зробить закриття, нічого не записуючи</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="102" />
            <source>&amp;Close month…</source>
            <translation>&amp;Закрити місяць…</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="103" />
            <source>Re&amp;open month…</source>
            <translation>&amp;Відкрити місяць знову…</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="113" />
            <source>Account</source>
            <translation>Рахунок</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="114" />
            <source>Client</source>
            <translation>Клієнт</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="115" />
            <source>Debited, UAH</source>
            <translation>Списано, грн</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="116" />
            <source>Act</source>
            <translation>Акт</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="117" />
            <source>Access</source>
            <translation>Доступ</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="118" />
            <source>Why blocked</source>
            <translation>Причина блокування</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="122" />
            <source>Choose a month and press Preview closing.</source>
            <translation>Виберіть місяць і натисніть «Попередній перегляд закриття».</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="129" />
            <source>Closing</source>
            <translation>Закриття</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="150" />
            <source>Daily job</source>
            <translation>Щоденна обробка</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="152" />
            <source>&amp;Date:</source>
            <translation>&amp;Дата:</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="159" />
            <source>Months</source>
            <translation>Місяці</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="168" />
            <source>What the closing does</source>
            <translation>Що зробить закриття</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="206" />
            <source>Reading the months…</source>
            <translation>Читання місяців…</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="214" />
            <source>closed</source>
            <translation>закрито</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="216" />
            <source>open, can be closed</source>
            <translation>відкрито, можна закрити</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="218" />
            <source>open</source>
            <translation>відкрито</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="284" />
            <source>Running the daily job for {date}…</source>
            <translation>Щоденна обробка за {date}…</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="296" />
            <source>Done for {days} day(s): {renewed} renewed, {charged} charged, {access} access changes, {alerts} alerts, {invoices} invoices.</source>
            <translation>Виконано за днів: {days}; продовжено: {renewed}, списань: {charged}, змін доступу: {access}, сповіщень: {alerts}, рахунків: {invoices}.</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="308" />
            <source>{n} account(s) failed: {first}</source>
            <translation>Не оброблено рахунків: {n}: {first}</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="335" />
            <source>Previewing the closing of {month}…</source>
            <translation>Попередній перегляд закриття {month}…</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="359" />
            <source>{accounts} accounts, &lt;b&gt;{acts} acts&lt;/b&gt; for &lt;b&gt;{total} UAH&lt;/b&gt;, {blocked} accounts blocked, daily job caught up for {days} day(s)</source>
            <translation>рахунків: {accounts}, &lt;b&gt;актів: {acts}&lt;/b&gt; на &lt;b&gt;{total} грн&lt;/b&gt;, заблоковано рахунків: {blocked}, щоденну обробку доповнено за днів: {days}</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="370" />
            <source>{month} is already closed; nothing would change.</source>
            <translation>{month} уже закрито; нічого не зміниться.</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="374" />
            <source>Closing {month} would make: {facts}. Nothing is written yet.</source>
            <translation>Закриття {month} дасть: {facts}. Поки нічого не записано.</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="377" />
            <source>{month} closed: {facts}.</source>
            <translation>{month} закрито: {facts}.</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="385" />
            <source>Close month</source>
            <translation>Закриття місяця</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="388" />
            <source>Close &lt;b&gt;{month}&lt;/b&gt;: {acts} acts for &lt;b&gt;{total} UAH&lt;/b&gt;?</source>
            <translation>Закрити &lt;b&gt;{month}&lt;/b&gt;: актів {acts} на &lt;b&gt;{total} грн&lt;/b&gt;?</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="395" />
            <source>The month is locked: nothing can be posted into it afterwards. Only the chief accountant can reopen it, with a reason.</source>
            <translation>Місяць буде заблоковано: після цього в нього нічого не можна провести. Відкрити його знову може лише головний бухгалтер, із зазначенням причини.</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="401" />
            <source>&amp;Close the month</source>
            <translation>&amp;Закрити місяць</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="402" />
            <source>&amp;Do not close</source>
            <translation>&amp;Не закривати</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="421" />
            <source>Backing the database up…</source>
            <translation>Резервне копіювання бази…</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="424" />
            <source>Closing {month}…</source>
            <translation>Закриття {month}…</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="445" />
            <source>{month} closed: {acts} acts, {total} UAH</source>
            <translation>{month} закрито: актів {acts}, {total} грн</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="467" />
            <source>Reopen month</source>
            <translation>Повторне відкриття місяця</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="468" />
            <source>Reopen {month}? Its {acts} acts are cancelled (their numbers are kept) and postings into the month are allowed again until it is closed anew.</source>
            <translation>Відкрити {month} знову? Його акти ({acts}) буде анульовано (номери зберігаються), і проведення в цей місяць знову дозволені, доки його не закрито повторно.</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="472" />
            <source>&amp;Reopen</source>
            <translation>&amp;Відкрити знову</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="476" />
            <source>Why the month is reopened</source>
            <translation>Чому місяць відкривається знову</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="477" />
            <source>&amp;Keep it closed</source>
            <translation>&amp;Залишити закритим</translation>
        </message>
        <message>
            <location filename="../../ui/closing/closing_screen.py" line="492" />
            <source>Month reopened; {n} act(s) cancelled</source>
            <translation>Місяць відкрито знову; анульовано актів: {n}</translation>
        </message>
    </context>
    <context>
        <name>ConnectionDialog</name>
        <message>
            <location filename="../../ui/connection/connection_dialog.py" line="83" />
            <source>Connect to the database server</source>
            <translation>Підключення до сервера бази даних</translation>
        </message>
        <message>
            <location filename="../../ui/connection/connection_dialog.py" line="93" />
            <source>e.g. db.office.local or 192.168.1.10</source>
            <translation>напр. db.office.local або 192.168.1.10</translation>
        </message>
        <message>
            <location filename="../../ui/connection/connection_dialog.py" line="102" />
            <source>&amp;Remember the password in the system keyring</source>
            <translation>&amp;Запам’ятати пароль у системному сховищі паролів</translation>
        </message>
        <message>
            <location filename="../../ui/connection/connection_dialog.py" line="111" />
            <source>This computer has no system keyring: the password is asked at every start and is never written to disk.</source>
            <translation>На цьому комп’ютері немає системного сховища паролів: пароль запитується під час кожного запуску й ніколи не записується на диск.</translation>
        </message>
        <message>
            <location filename="../../ui/connection/connection_dialog.py" line="118" />
            <source>&amp;Server:</source>
            <translation>&amp;Сервер:</translation>
        </message>
        <message>
            <location filename="../../ui/connection/connection_dialog.py" line="119" />
            <source>&amp;Port:</source>
            <translation>&amp;Порт:</translation>
        </message>
        <message>
            <location filename="../../ui/connection/connection_dialog.py" line="120" />
            <source>&amp;Database:</source>
            <translation>&amp;База даних:</translation>
        </message>
        <message>
            <location filename="../../ui/connection/connection_dialog.py" line="121" />
            <source>&amp;User:</source>
            <translation>&amp;Користувач:</translation>
        </message>
        <message>
            <location filename="../../ui/connection/connection_dialog.py" line="122" />
            <source>Pass&amp;word:</source>
            <translation>Па&amp;роль:</translation>
        </message>
        <message>
            <location filename="../../ui/connection/connection_dialog.py" line="129" />
            <source>&amp;Test connection</source>
            <translation>Пере&amp;вірити з’єднання</translation>
        </message>
        <message>
            <location filename="../../ui/connection/connection_dialog.py" line="135" />
            <source>&amp;Connect</source>
            <translation>Під&amp;ключитися</translation>
        </message>
        <message>
            <location filename="../../ui/connection/connection_dialog.py" line="182" />
            <source>Connecting…</source>
            <translation>Підключення…</translation>
        </message>
        <message>
            <location filename="../../ui/connection/connection_dialog.py" line="198" />
            <source>Connected: PostgreSQL {version}.</source>
            <translation>З’єднання є: PostgreSQL {version}.</translation>
        </message>
        <message>
            <location filename="../../ui/connection/connection_dialog.py" line="216" />
            <source>The system keyring refused the password: it is not kept. Press Connect again to connect without keeping it.</source>
            <translation>Системне сховище паролів не прийняло пароль: його не збережено. Натисніть «Підключитися» ще раз, щоб підключитися без збереження пароля.</translation>
        </message>
    </context>
    <context>
        <name>CorrectionDialog</name>
        <message>
            <location filename="../../ui/clients/correction_dialog.py" line="52" />
            <source>Correction of account {number}</source>
            <translation>Коригування рахунку {number}</translation>
        </message>
        <message>
            <location filename="../../ui/clients/correction_dialog.py" line="55" />
            <source>A correcting entry: a positive amount adds to the balance, a negative one takes from it.</source>
            <translation>Коригувальне проведення: додатна сума збільшує залишок, від'ємна — зменшує.</translation>
        </message>
        <message>
            <location filename="../../ui/clients/correction_dialog.py" line="68" />
            <source>what was wrong, and the document</source>
            <translation>що було неправильно, і документ</translation>
        </message>
        <message>
            <location filename="../../ui/clients/correction_dialog.py" line="70" />
            <source>&amp;Amount, UAH:</source>
            <translation>&amp;Сума, грн:</translation>
        </message>
        <message>
            <location filename="../../ui/clients/correction_dialog.py" line="72" />
            <source>Business &amp;date:</source>
            <translation>&amp;Дата операції:</translation>
        </message>
        <message>
            <location filename="../../ui/clients/correction_dialog.py" line="73" />
            <source>&amp;Reason:</source>
            <translation>&amp;Причина:</translation>
        </message>
        <message>
            <location filename="../../ui/clients/correction_dialog.py" line="78" />
            <source>&amp;Post correction</source>
            <translation>&amp;Провести коригування</translation>
        </message>
        <message>
            <location filename="../../ui/clients/correction_dialog.py" line="80" />
            <source>Cancel</source>
            <translation>Скасувати</translation>
        </message>
        <message>
            <location filename="../../ui/clients/correction_dialog.py" line="107" />
            <source>A correction of zero changes nothing.</source>
            <translation>Коригування на нуль нічого не змінює.</translation>
        </message>
        <message>
            <location filename="../../ui/clients/correction_dialog.py" line="118" />
            <source>Post a correction of {amount} UAH to account {number}?</source>
            <translation>Провести коригування {amount} грн на рахунку {number}?</translation>
        </message>
        <message>
            <location filename="../../ui/clients/correction_dialog.py" line="125" />
            <source>Post</source>
            <translation>Провести</translation>
        </message>
        <message>
            <location filename="../../ui/clients/correction_dialog.py" line="126" />
            <source>Do not post</source>
            <translation>Не проводити</translation>
        </message>
        <message>
            <location filename="../../ui/clients/correction_dialog.py" line="141" />
            <source>Correction not posted</source>
            <translation>Коригування не проведено</translation>
        </message>
    </context>
    <context>
        <name>DashboardScreen</name>
        <message>
            <location filename="../../ui/dashboard/dashboard_screen.py" line="50" />
            <source>Unmatched payments</source>
            <translation>Нерозпізнані платежі</translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/dashboard_screen.py" line="51" />
            <source>Blocked accounts</source>
            <translation>Заблоковані рахунки</translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/dashboard_screen.py" line="52" />
            <source>Invoices awaiting payment</source>
            <translation>Рахунки-фактури до оплати</translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/dashboard_screen.py" line="53" />
            <source>Last daily run</source>
            <translation>Остання щоденна обробка</translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/dashboard_screen.py" line="54" />
            <source>Next invoice run</source>
            <translation>Наступна виписка рахунків</translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/dashboard_screen.py" line="55" />
            <source>Open months</source>
            <translation>Відкриті місяці</translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/dashboard_screen.py" line="56" />
            <source>Messages waiting in the outbox</source>
            <translation>Листи в черзі на відправлення</translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/dashboard_screen.py" line="57" />
            <source>Missing exchange rates</source>
            <translation>Бракує курсів валют</translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/dashboard_screen.py" line="60" />
            <source>Open the screen where this is dealt with</source>
            <translation>Відкрити екран, де цим займаються</translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/dashboard_screen.py" line="85" />
            <source>Overview</source>
            <translation>Огляд</translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/dashboard_screen.py" line="114" />
            <source>Reading the overview…</source>
            <translation>Читання огляду…</translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/dashboard_screen.py" line="126" />
            <source>Overview for {date}</source>
            <translation>Огляд на {date}</translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/dashboard_screen.py" line="136" />
            <source>{amount} UAH to assign</source>
            <translation>{amount} грн розподілити</translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/dashboard_screen.py" line="138" />
            <source>Every payment found its account</source>
            <translation>Кожен платіж знайшов свій рахунок</translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/dashboard_screen.py" line="143" />
            <source>of {n} accounts</source>
            <translation>з {n} рахунків</translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/dashboard_screen.py" line="146" />
            <source>{amount} UAH to be paid</source>
            <translation>{amount} грн до сплати</translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/dashboard_screen.py" line="150" />
            <source>{n} overdue</source>
            <translation>прострочено: {n}</translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/dashboard_screen.py" line="157" />
            <source>never</source>
            <translation>ще ні</translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/dashboard_screen.py" line="157" />
            <source>The daily job has not run yet</source>
            <translation>Щоденна обробка ще не виконувалася</translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/dashboard_screen.py" line="162" />
            <source>{n} account(s) failed</source>
            <translation>не оброблено рахунків: {n}</translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/dashboard_screen.py" line="164" />
            <source>went through</source>
            <translation>пройшла успішно</translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/dashboard_screen.py" line="167" />
            <source>{result}; run at {time} by {user}</source>
            <translation>{result}; виконано {time}, {user}</translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/dashboard_screen.py" line="175" />
            <source>today</source>
            <translation>сьогодні</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/dashboard/dashboard_screen.py" line="175" />
            <source>in %n day(s)</source>
            <translation>
                <numerusform>через %n день</numerusform>
                <numerusform>через %n дні</numerusform>
                <numerusform>через %n днів</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/dashboard_screen.py" line="181" />
            <source>open: {months}; {closed} closed</source>
            <translation>відкриті: {months}; закрито: {closed}</translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/dashboard_screen.py" line="189" />
            <source>{n} failed, to retry</source>
            <translation>не надіслано: {n}, повторити</translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/dashboard_screen.py" line="191" />
            <source>nothing failed</source>
            <translation>помилок немає</translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/dashboard_screen.py" line="197" />
            <source>missing on {days}</source>
            <translation>бракує на {days}</translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/dashboard_screen.py" line="201" />
            <source>every rate of the last {n} days is there</source>
            <translation>курси за останні {n} днів є</translation>
        </message>
    </context>
    <context>
        <name>FetchDialog</name>
        <message>
            <location filename="../../ui/rates/rate_dialogs.py" line="167" />
            <source>Fetch from the NBU</source>
            <translation>Отримати з НБУ</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rate_dialogs.py" line="170" />
            <source>The NBU's official rates of the currencies kept (Settings) for every day from the first date to the last. Days already stored are skipped; a stored rate that differs is left as it is and listed.</source>
            <translation>Офіційні курси НБУ для валют з налаштувань за кожен день від першої дати до останньої. Уже записані дні пропускаються; записаний курс, що відрізняється, лишається як є і показується у списку.</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rate_dialogs.py" line="180" />
            <source>&amp;From:</source>
            <translation>&amp;З:</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rate_dialogs.py" line="181" />
            <source>&amp;To:</source>
            <translation>&amp;По:</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rate_dialogs.py" line="185" />
            <source>Fetch</source>
            <translation>Отримати</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <location filename="../../ui/statement_import.py" line="122" />
            <source>Import statement</source>
            <translation>Імпорт виписки</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="126" />
            <source>a bank statement file</source>
            <translation>файл банківської виписки</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="128" />
            <source>1C ClientBankExchange .txt, CSV, XLS/XLSX, MT940 .sta, camt.053 .xml</source>
            <translation>1С ClientBankExchange .txt, CSV, XLS/XLSX, MT940 .sta, camt.053 .xml</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="130" />
            <source>&amp;Browse…</source>
            <translation>&amp;Огляд…</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="131" />
            <source>Choose the statement file</source>
            <translation>Виберіть файл виписки</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="134" />
            <source>How to read the file: detected, or a bank's or a saved column-mapping profile</source>
            <translation>Як читати файл: визначено автоматично, або профіль банку чи збережена відповідність колонок</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="139" />
            <source>The day the money unblocks services; top-ups keep the statement's dates</source>
            <translation>День, з якого гроші розблоковують послуги; поповнення проводяться датами виписки</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="147" />
            <source>The row of the file that holds the column names</source>
            <translation>Рядок файлу з назвами колонок</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="148" />
            <source>&amp;Preview lines</source>
            <translation>&amp;Переглянути рядки</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="149" />
            <source>Read the file with the columns as mapped above</source>
            <translation>Прочитати файл за відповідністю колонок, заданою вище</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="151" />
            <source>the bank's name, e.g. Мій банк</source>
            <translation>назва банку, напр. Мій банк</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="152" />
            <source>&amp;Save as profile</source>
            <translation>&amp;Зберегти як профіль</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="154" />
            <source>Keep this column mapping under the bank's name for its next statements</source>
            <translation>Зберегти цю відповідність колонок під назвою банку для наступних виписок</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="163" />
            <source>&amp;Import</source>
            <translation>&amp;Імпортувати</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="189" />
            <source>&amp;File:</source>
            <translation>&amp;Файл:</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="193" />
            <source>&amp;Read as:</source>
            <translation>&amp;Читати як:</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="194" />
            <source>Business &amp;date:</source>
            <translation>&amp;Дата проведення:</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="195" />
            <source>Found:</source>
            <translation>Визначено:</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="197" />
            <source>First rows, and what each column is read as</source>
            <translation>Перші рядки і як прочитано кожну колонку</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="201" />
            <source>Header row:</source>
            <translation>Рядок заголовків:</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="208" />
            <source>The lines the file makes, and what becomes of each</source>
            <translation>Рядки виписки з файлу і що буде з кожним</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="222" />
            <source>Detect automatically</source>
            <translation>Визначити автоматично</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="227" />
            <source>Cannot read the profiles</source>
            <translation>Не вдалося прочитати профілі</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="231" />
            <source>{name} ({origin})</source>
            <translation>{name} ({origin})</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="241" />
            <source>Bank statements (*.txt *.csv *.xls *.xlsx *.sta *.mt940 *.940 *.xml);;All files (*)</source>
            <translation>Банківські виписки (*.txt *.csv *.xls *.xlsx *.sta *.mt940 *.940 *.xml);;Усі файли (*)</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="245" />
            <source>Bank statement</source>
            <translation>Банківська виписка</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="270" />
            <source>Cannot read the file</source>
            <translation>Не вдається прочитати файл</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="279" />
            <source>Cannot be imported as it stands: {error}</source>
            <translation>Файл не можна імпортувати в такому вигляді: {error}</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="283" />
            <source>{format}: {note}</source>
            <translation>{format}: {note}</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="298" />
            <source>read as</source>
            <translation>читається як</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="320" />
            <source>date</source>
            <translation>дата</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="321" />
            <source>amount (signed or with a direction)</source>
            <translation>сума (зі знаком або з напрямом)</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="322" />
            <source>debit</source>
            <translation>дебет</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="323" />
            <source>credit</source>
            <translation>кредит</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="324" />
            <source>direction (debit/credit, D/C)</source>
            <translation>напрям (дебет/кредит, D/C)</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="325" />
            <source>our account</source>
            <translation>наш рахунок</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="326" />
            <source>our ЄДРПОУ</source>
            <translation>наш ЄДРПОУ</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="327" />
            <source>currency</source>
            <translation>валюта</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="328" />
            <source>payer</source>
            <translation>платник</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="329" />
            <source>payer's ЄДРПОУ/РНОКПП</source>
            <translation>ЄДРПОУ/РНОКПП платника</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="330" />
            <source>payer's IBAN</source>
            <translation>IBAN платника</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="331" />
            <source>purpose</source>
            <translation>призначення платежу</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="332" />
            <source>bank reference</source>
            <translation>референс банку</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="333" />
            <source>document number</source>
            <translation>номер документа</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="334" />
            <source>debit, UAH equivalent</source>
            <translation>дебет, еквівалент у грн</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="335" />
            <source>credit, UAH equivalent</source>
            <translation>кредит, еквівалент у грн</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="336" />
            <source>purpose, continued</source>
            <translation>призначення платежу (продовження)</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="341" />
            <source>Row</source>
            <translation>Рядок</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="342" />
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="343" />
            <source>Amount</source>
            <translation>Сума</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="344" />
            <source>Direction</source>
            <translation>Напрям</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="345" />
            <source>Payer</source>
            <translation>Платник</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="346" />
            <source>Code</source>
            <translation>Код</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="347" />
            <source>Purpose</source>
            <translation>Призначення платежу</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="348" />
            <source>What becomes of it</source>
            <translation>Що з ним буде</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="370" />
            <source>{n} lines: {skipped} skipped, {rest} to match</source>
            <translation>Рядків: {n}; пропущено: {skipped}; до розпізнавання: {rest}</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="379" />
            <source>skipped: {reason}</source>
            <translation>пропущено: {reason}</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="381" />
            <source>to match; looks like: {hint}</source>
            <translation>до розпізнавання; схоже на: {hint}</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="382" />
            <source>to match</source>
            <translation>до розпізнавання</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="410" />
            <source>Cannot use this mapping</source>
            <translation>Цю відповідність колонок не можна застосувати</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="415" />
            <source>unsaved mapping</source>
            <translation>незбережена відповідність</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="439" />
            <source>Cannot save the profile</source>
            <translation>Не вдається зберегти профіль</translation>
        </message>
    </context>
    <context>
        <name>InvoiceLists</name>
        <message>
            <location filename="../../ui/invoice_lists.py" line="18" />
            <source>Issued</source>
            <translation>Виставлено</translation>
        </message>
        <message>
            <location filename="../../ui/invoice_lists.py" line="19" />
            <source>Partially paid</source>
            <translation>Частково оплачено</translation>
        </message>
        <message>
            <location filename="../../ui/invoice_lists.py" line="20" />
            <source>Paid</source>
            <translation>Оплачено</translation>
        </message>
        <message>
            <location filename="../../ui/invoice_lists.py" line="21" />
            <source>Overdue</source>
            <translation>Прострочено</translation>
        </message>
        <message>
            <location filename="../../ui/invoice_lists.py" line="22" />
            <source>Cancelled</source>
            <translation>Анульовано</translation>
        </message>
        <message>
            <location filename="../../ui/invoice_lists.py" line="25" />
            <source>Activation</source>
            <translation>Активація</translation>
        </message>
        <message>
            <location filename="../../ui/invoice_lists.py" line="26" />
            <source>Options</source>
            <translation>Опції</translation>
        </message>
        <message>
            <location filename="../../ui/invoice_lists.py" line="27" />
            <source>Renewal</source>
            <translation>Продовження</translation>
        </message>
        <message>
            <location filename="../../ui/invoice_lists.py" line="28" />
            <source>Top-up</source>
            <translation>Поповнення</translation>
        </message>
        <message>
            <location filename="../../ui/invoice_lists.py" line="29" />
            <source>Service</source>
            <translation>Послуга</translation>
        </message>
        <message>
            <location filename="../../ui/invoice_lists.py" line="90" />
            <source>Number</source>
            <translation>Номер</translation>
        </message>
        <message>
            <location filename="../../ui/invoice_lists.py" line="98" />
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <location filename="../../ui/invoice_lists.py" line="101" />
            <source>Due</source>
            <translation>Сплатити до</translation>
        </message>
        <message>
            <location filename="../../ui/invoice_lists.py" line="109" />
            <source>Client</source>
            <translation>Клієнт</translation>
        </message>
        <message>
            <location filename="../../ui/invoice_lists.py" line="121" />
            <source>Account</source>
            <translation>Особовий рахунок</translation>
        </message>
        <message>
            <location filename="../../ui/invoice_lists.py" line="129" />
            <source>Kind</source>
            <translation>Вид</translation>
        </message>
        <message>
            <location filename="../../ui/invoice_lists.py" line="137" />
            <source>Period</source>
            <translation>Період</translation>
        </message>
        <message>
            <location filename="../../ui/invoice_lists.py" line="146" />
            <source>Total, UAH</source>
            <translation>Усього, грн</translation>
        </message>
        <message>
            <location filename="../../ui/invoice_lists.py" line="154" />
            <source>Paid, UAH</source>
            <translation>Оплачено, грн</translation>
        </message>
        <message>
            <location filename="../../ui/invoice_lists.py" line="162" />
            <source>Status</source>
            <translation>Стан</translation>
        </message>
    </context>
    <context>
        <name>InvoiceRunDialog</name>
        <message>
            <location filename="../../ui/invoice_dialogs.py" line="53" />
            <source>Invoice run</source>
            <translation>Виставлення рахунків</translation>
        </message>
        <message>
            <location filename="../../ui/invoice_dialogs.py" line="56" />
            <source>Issues next month's renewal invoices to legal entities with auto-renewal, from ten days before the end of the month. A repeated run issues only what is missing.</source>
            <translation>Виставляє юридичним особам з автопродовженням рахунки на наступний місяць, починаючи за десять днів до кінця місяця. Повторний запуск виставляє лише те, чого бракує.</translation>
        </message>
        <message>
            <location filename="../../ui/invoice_dialogs.py" line="64" />
            <source>The business date of the run</source>
            <translation>Дата, на яку виставляються рахунки</translation>
        </message>
        <message>
            <location filename="../../ui/invoice_dialogs.py" line="66" />
            <source>Business &amp;date:</source>
            <translation>&amp;Дата проведення:</translation>
        </message>
        <message>
            <location filename="../../ui/invoice_dialogs.py" line="67" />
            <source>&amp;Run</source>
            <translation>&amp;Виконати</translation>
        </message>
        <message>
            <location filename="../../ui/invoice_dialogs.py" line="79" />
            <source>Invoice run failed</source>
            <translation>Виставлення рахунків не вдалося</translation>
        </message>
    </context>
    <context>
        <name>InvoicesTab</name>
        <message>
            <location filename="../../ui/invoices_tab.py" line="94" />
            <source>Cannot read the invoices</source>
            <translation>Не вдалося прочитати рахунки</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="97" />
            <source>Shift/Ctrl+click or Shift+arrows select several to print</source>
            <translation>Shift/Ctrl+клацання або Shift+стрілки вибирають кілька для друку</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="103" />
            <source>The month the invoices were issued in</source>
            <translation>Місяць, у якому виставлено рахунки</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="105" />
            <source>All statuses</source>
            <translation>Усі стани</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="108" />
            <source>Only invoices in this status</source>
            <translation>Лише рахунки в цьому стані</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="115" />
            <source>No invoices of this month in this status: choose another month or status, or issue them with Invoice run… or Issue top-up invoice…</source>
            <translation>Рахунків цього місяця в цьому стані немає: виберіть інший місяць чи стан або виставте рахунки через «Виставлення рахунків…» чи «Рахунок на поповнення…»</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="129" />
            <source>Invoice &amp;run…</source>
            <translation>&amp;Виставлення рахунків…</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="131" />
            <source>Issue next month's renewal invoices for a date</source>
            <translation>Виставити рахунки на продовження наступного місяця на дату</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="135" />
            <source>&amp;Print…</source>
            <translation>&amp;Друк…</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="137" />
            <source>Save the selected invoices as one PDF and open it</source>
            <translation>Зберегти вибрані рахунки одним PDF і відкрити його</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="142" />
            <source>Print a&amp;ll listed…</source>
            <translation>Друк &amp;усіх у списку…</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="144" />
            <source>Save every invoice of the list (all pages, in the order shown) as one PDF</source>
            <translation>Зберегти всі рахунки списку (усі сторінки, у показаному порядку) одним PDF</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="148" />
            <source>Print &amp;acts of the month…</source>
            <translation>Друк &amp;актів за місяць…</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="150" />
            <source>Save the acts of the month shown as one PDF and open it</source>
            <translation>Зберегти акти показаного місяця одним PDF і відкрити його</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="154" />
            <source>&amp;Cancel invoice…</source>
            <translation>&amp;Анулювати рахунок…</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="156" />
            <source>Cancel the selected invoice; it keeps its number</source>
            <translation>Анулювати вибраний рахунок; його номер зберігається</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="160" />
            <source>Issue &amp;top-up invoice…</source>
            <translation>Рахунок на &amp;поповнення…</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="162" />
            <source>Issue an invoice for a sum a client asked to top up</source>
            <translation>Виставити рахунок на суму, яку клієнт хоче внести</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="166" />
            <source>&amp;Export list…</source>
            <translation>&amp;Експорт списку…</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="168" />
            <source>Save the invoices as listed to an XLSX or CSV file</source>
            <translation>Зберегти рахунки, як у списку, у файл XLSX або CSV</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="174" />
            <source>Filter by number, client, account</source>
            <translation>Фільтр за номером, клієнтом, рахунком</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="176" />
            <source>&amp;Month:</source>
            <translation>&amp;Місяць:</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="178" />
            <source>&amp;Status:</source>
            <translation>&amp;Стан:</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="239" />
            <source>{n} invoices · total {total} UAH · paid {paid} UAH (cancelled aside)</source>
            <translation>Рахунків: {n} · на суму {total} грн · оплачено {paid} грн (без анульованих)</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="247" />
            <source>matching “{text}”</source>
            <translation>за пошуком «{text}»</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="258" />
            <source>Save PDF</source>
            <translation>Зберегти PDF</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="258" />
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="280" />
            <source>Printing {n} invoices to {name}…</source>
            <translation>Друк рахунків ({n}) у {name}…</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="314" />
            <source>Printing the acts of {month} to {name}…</source>
            <translation>Друк актів за {month} у {name}…</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="320" />
            <source>Printing cancelled</source>
            <translation>Друк скасовано</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="326" />
            <source>Saved {path}</source>
            <translation>Збережено {path}</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="342" />
            <source>Invoice run of {day}: {n} issued, {already} issued before</source>
            <translation>Виставлення рахунків на {day}: виставлено {n}, виставлено раніше {already}</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="351" />
            <source>Invoice run</source>
            <translation>Виставлення рахунків</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="353" />
            <source>{n} accounts were not invoiced: see the details.</source>
            <translation>Рахунки не виставлено для {n} особових рахунків: див. подробиці.</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="372" />
            <source>Cancel invoice {number}</source>
            <translation>Анулювання рахунку {number}</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="373" />
            <source>Invoice &lt;b&gt;{number}&lt;/b&gt; of {date}, {client}, &lt;b&gt;{total}&lt;/b&gt; UAH will be cancelled. It keeps its number; a paid invoice cannot be cancelled.</source>
            <translation>Рахунок &lt;b&gt;{number}&lt;/b&gt; від {date}, {client}, на &lt;b&gt;{total}&lt;/b&gt; грн буде анульовано. Номер за ним зберігається; оплачений рахунок анулювати не можна.</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="382" />
            <source>&amp;Cancel invoice</source>
            <translation>&amp;Анулювати рахунок</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="383" />
            <source>&amp;Keep invoice</source>
            <translation>&amp;Залишити рахунок</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="386" />
            <source>e.g. the client changed the plan</source>
            <translation>напр. клієнт змінив тариф</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="395" />
            <source>Invoice cancelled</source>
            <translation>Рахунок анульовано</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="402" />
            <source>Invoice {number} issued</source>
            <translation>Рахунок {number} виставлено</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="412" />
            <source>Export invoices</source>
            <translation>Експорт рахунків</translation>
        </message>
        <message>
            <location filename="../../ui/invoices_tab.py" line="421" />
            <source>Saved {p}</source>
            <translation>Збережено {p}</translation>
        </message>
    </context>
    <context>
        <name>LedgerTableModel</name>
        <message>
            <location filename="../../ui/ledger_table.py" line="36" />
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_table.py" line="37" />
            <source>Kind</source>
            <translation>Вид</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_table.py" line="38" />
            <source>Amount, UAH</source>
            <translation>Сума, грн</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_table.py" line="39" />
            <source>EUR</source>
            <translation>EUR</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_table.py" line="40" />
            <source>Rate</source>
            <translation>Курс</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_table.py" line="41" />
            <source>Comment</source>
            <translation>Коментар</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_table.py" line="42" />
            <source>Author</source>
            <translation>Автор</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_table.py" line="43" />
            <source>Entry</source>
            <translation>Операція</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_table.py" line="47" />
            <source>Bank top-up</source>
            <translation>Поповнення з банку</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_table.py" line="48" />
            <source>Card top-up</source>
            <translation>Поповнення карткою</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_table.py" line="49" />
            <source>Manual top-up</source>
            <translation>Ручне поповнення</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_table.py" line="50" />
            <source>Opening balance</source>
            <translation>Вхідний залишок</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_table.py" line="51" />
            <source>Bonus</source>
            <translation>Бонус</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_table.py" line="52" />
            <source>Activation</source>
            <translation>Активація</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_table.py" line="53" />
            <source>Renewal</source>
            <translation>Продовження</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_table.py" line="54" />
            <source>Option</source>
            <translation>Опція</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_table.py" line="55" />
            <source>Overage</source>
            <translation>Перевищення ліміту</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_table.py" line="56" />
            <source>Daily charge</source>
            <translation>Щоденне списання</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_table.py" line="57" />
            <source>Proration refund</source>
            <translation>Повернення за період</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_table.py" line="58" />
            <source>Expiry</source>
            <translation>Згоряння</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_table.py" line="59" />
            <source>Reversal</source>
            <translation>Сторно</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_table.py" line="60" />
            <source>Correction</source>
            <translation>Коригування</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_table.py" line="209" />
            <source>Reversed by entry {id}</source>
            <translation>Сторновано операцією {id}</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_table.py" line="211" />
            <source>Reverses entry {id}</source>
            <translation>Сторнує операцію {id}</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_table.py" line="216" />
            <source>Posted {at} UTC by {author}</source>
            <translation>Проведено {at} UTC, автор {author}</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <location filename="../../ui/users/login_dialog.py" line="35" />
            <source>Log in</source>
            <translation>Вхід</translation>
        </message>
        <message>
            <location filename="../../ui/users/login_dialog.py" line="50" />
            <source>User name:</source>
            <translation>Ім’я користувача:</translation>
        </message>
        <message>
            <location filename="../../ui/users/login_dialog.py" line="51" />
            <source>Password:</source>
            <translation>Пароль:</translation>
        </message>
        <message>
            <location filename="../../ui/users/login_dialog.py" line="57" />
            <source>Cancel</source>
            <translation>Скасувати</translation>
        </message>
        <message>
            <location filename="../../ui/users/login_dialog.py" line="62" />
            <source>Enter your user name and password.</source>
            <translation>Введіть ім’я користувача та пароль.</translation>
        </message>
        <message>
            <location filename="../../ui/users/login_dialog.py" line="72" />
            <source>Enter the user name and the password.</source>
            <translation>Введіть ім’я користувача та пароль.</translation>
        </message>
        <message>
            <location filename="../../ui/users/login_dialog.py" line="80" />
            <source>Wrong user name or password, or this user may not log in now. After {attempts} failed attempts a name is locked for {minutes} minutes.</source>
            <translation>Неправильне ім’я користувача чи пароль, або цей користувач зараз не може увійти. Після {attempts} невдалих спроб вхід під цим ім’ям блокується на {minutes} хв.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../ui/main_window.py" line="132" />
            <source>Personal accounts</source>
            <translation>Особові рахунки</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="142" />
            <source>Filter by client name, ЄДРПОУ/РНОКПП or account number   (Ctrl+F)</source>
            <translation>Фільтр за назвою клієнта, ЄДРПОУ/РНОКПП або номером рахунку   (Ctrl+F)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="155" />
            <source>Database: {url}</source>
            <translation>База даних: {url}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="159" />
            <source>User: {name}</source>
            <translation>Користувач: {name}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="210" />
            <source>&amp;Refresh</source>
            <translation>&amp;Оновити</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="210" />
            <source>Read the accounts again</source>
            <translation>Прочитати рахунки знову</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="213" />
            <source>&amp;Top-up…</source>
            <translation>&amp;Поповнення…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="216" />
            <source>Post a manual top-up to the selected account</source>
            <translation>Провести ручне поповнення вибраного рахунку</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="219" />
            <source>Re&amp;verse entry…</source>
            <translation>С&amp;торнувати операцію…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="222" />
            <source>Reverse the selected ledger entry</source>
            <translation>Сторнувати вибрану операцію</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="225" />
            <source>&amp;Export list…</source>
            <translation>&amp;Експорт списку…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="228" />
            <source>Save the accounts as listed to an XLSX or CSV file</source>
            <translation>Зберегти рахунки, як у списку, у файл XLSX або CSV</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="230" />
            <source>&amp;Quit</source>
            <translation>&amp;Вийти</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="230" />
            <source>Quit</source>
            <translation>Вийти</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="232" />
            <source>&amp;Filter accounts</source>
            <translation>&amp;Фільтр рахунків</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="235" />
            <source>Filter the list of accounts</source>
            <translation>Відфільтрувати список рахунків</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="238" />
            <source>&amp;File</source>
            <translation>&amp;Файл</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="247" />
            <source>&amp;Account</source>
            <translation>&amp;Особовий рахунок</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="251" />
            <source>&amp;View</source>
            <translation>&amp;Вигляд</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="256" />
            <source>&amp;Language</source>
            <translation>&amp;Мова</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="261" />
            <source>Main</source>
            <translation>Головна</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="271" />
            <source>Account</source>
            <translation>Особовий рахунок</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="290" />
            <source>&amp;Filter:</source>
            <translation>&amp;Фільтр:</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="347" />
            <source>Screens</source>
            <translation>Екрани</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="351" />
            <source>&amp;Go to</source>
            <translation>&amp;Перейти</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="376" />
            <source>Show the screen “{screen}”</source>
            <translation>Показати екран «{screen}»</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="497" />
            <source>Refreshed</source>
            <translation>Оновлено</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="550" />
            <source>Cannot read the database</source>
            <translation>Не вдалося прочитати базу даних</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="572" />
            <source>Top-up reversed; the payment is back among the unmatched payments</source>
            <translation>Поповнення сторновано; платіж повернувся до нерозпізнаних</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="583" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Книга Excel (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="584" />
            <source>CSV for Excel, semicolon-separated (*.csv)</source>
            <translation>CSV для Excel, через крапку з комою (*.csv)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="586" />
            <source>Export accounts</source>
            <translation>Експорт особових рахунків</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="602" />
            <source>Exporting {n} accounts to {name}…</source>
            <translation>Експорт рахунків ({n}) у {name}…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="608" />
            <source>Export cancelled</source>
            <translation>Експорт скасовано</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="623" />
            <source>Entry {id}: {amount} UAH posted to account {account}</source>
            <translation>Операція {id}: {amount} грн проведено на рахунок {account}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="631" />
            <source>Exported {n} accounts to {path}</source>
            <translation>Експортовано рахунків: {n}, файл {path}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="649" />
            <source>&lt;b&gt;Ledger&lt;/b&gt; — no account selected</source>
            <translation>&lt;b&gt;Операції&lt;/b&gt; — рахунок не вибрано</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="651" />
            <source>&lt;b&gt;Ledger of {number}&lt;/b&gt; — {client}, balance {balance} UAH</source>
            <translation>&lt;b&gt;Операції рахунку {number}&lt;/b&gt; — {client}, баланс {balance} грн</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/main_window.py" line="691" />
            <source>%Ln account</source>
            <translation>
                <numerusform>%Ln рахунок</numerusform>
                <numerusform>%Ln рахунки</numerusform>
                <numerusform>%Ln рахунків</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/main_window.py" line="691" />
            <source>%Ln accounts</source>
            <translation>
                <numerusform>%Ln рахунок</numerusform>
                <numerusform>%Ln рахунки</numerusform>
                <numerusform>%Ln рахунків</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="694" />
            <source>matching “{text}”</source>
            <translation>за пошуком «{text}»</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="709" />
            <source>The language changes when the program is started again</source>
            <translation>Мова зміниться після перезапуску програми</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="714" />
            <source>No personal account matches “{text}”. Esc clears the filter.</source>
            <translation>Жоден особовий рахунок не відповідає «{text}». Esc очищає фільтр.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="717" />
            <source>No clients yet. Clients and their personal accounts are added by importing the clients' workbook; then top-ups and statements fill the balances.</source>
            <translation>Клієнтів ще немає. Клієнтів та їхні особові рахунки додають імпортом книги клієнтів; далі баланси наповнюють поповнення та виписки.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="724" />
            <source>Choose an account above to see its entries.</source>
            <translation>Виберіть рахунок угорі, щоб побачити його операції.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="725" />
            <source>No entries on this account yet: a top-up (Ctrl+T) or an imported statement adds them.</source>
            <translation>Операцій на цьому рахунку ще немає: їх додає поповнення (Ctrl+T) або імпортована виписка.</translation>
        </message>
        <message>
            <location filename="../../ui/window_tabs.py" line="73" />
            <source>&amp;Statements</source>
            <translation>&amp;Виписки</translation>
        </message>
        <message>
            <location filename="../../ui/window_tabs.py" line="78" />
            <source>&amp;Invoices</source>
            <translation>&amp;Рахунки</translation>
        </message>
        <message>
            <location filename="../../ui/window_tabs.py" line="95" />
            <source>Export &amp;report…</source>
            <translation>Експорт &amp;звіту…</translation>
        </message>
        <message>
            <location filename="../../ui/window_tabs.py" line="97" />
            <source>Write a report (turnover, registers, debtors…) to an Excel workbook</source>
            <translation>Записати звіт (обороти, реєстри, боржники…) у книгу Excel</translation>
        </message>
        <message>
            <location filename="../../ui/window_tabs.py" line="109" />
            <source>Issue top-up &amp;invoice…</source>
            <translation>&amp;Рахунок на поповнення…</translation>
        </message>
        <message>
            <location filename="../../ui/window_tabs.py" line="111" />
            <source>Issue an invoice for a sum the selected account's client asked to top up</source>
            <translation>Виставити клієнту вибраного рахунку рахунок на суму, яку він хоче внести</translation>
        </message>
        <message>
            <location filename="../../ui/window_tabs.py" line="135" />
            <source>Report saved: {rows} rows in {path}</source>
            <translation>Звіт збережено: рядків {rows}, файл {path}</translation>
        </message>
    </context>
    <context>
        <name>ManualRateDialog</name>
        <message>
            <location filename="../../ui/rates/rate_dialogs.py" line="65" />
            <source>Enter a rate</source>
            <translation>Введення курсу</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rate_dialogs.py" line="69" />
            <source>The NBU's official rate, UAH per unit. A rate already used by posted debits is corrected only after a question; every entry keeps its reason.</source>
            <translation>Офіційний курс НБУ, грн за одиницю. Курс, за яким уже проведено списання, виправляється лише після підтвердження; кожен запис зберігає свою причину.</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rate_dialogs.py" line="82" />
            <source>UAH per unit, up to four decimal places</source>
            <translation>Гривень за одиницю, до чотирьох знаків після коми</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rate_dialogs.py" line="84" />
            <source>e.g. the NBU service was unreachable</source>
            <translation>напр., сервіс НБУ був недоступний</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rate_dialogs.py" line="85" />
            <source>Required: it is kept in the audit log</source>
            <translation>Обов'язково: зберігається в журналі аудиту</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rate_dialogs.py" line="91" />
            <source>&amp;Date:</source>
            <translation>&amp;Дата:</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rate_dialogs.py" line="92" />
            <source>&amp;Currency:</source>
            <translation>&amp;Валюта:</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rate_dialogs.py" line="93" />
            <source>&amp;Rate, UAH:</source>
            <translation>&amp;Курс, грн:</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rate_dialogs.py" line="94" />
            <source>R&amp;eason:</source>
            <translation>При&amp;чина:</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rate_dialogs.py" line="97" />
            <source>Save rate</source>
            <translation>Зберегти курс</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rate_dialogs.py" line="122" />
            <source>The rate is a positive number with up to four decimals.</source>
            <translation>Курс — додатне число з не більше ніж чотирма знаками після коми.</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rate_dialogs.py" line="144" />
            <source>{currency} on {day} is {old} already. Replace it with {new}? The correction is kept in the audit log.</source>
            <translation>Курс {currency} на {day} уже {old}. Замінити на {new}? Виправлення зберігається в журналі аудиту.</translation>
        </message>
    </context>
    <context>
        <name>NewClientDialog</name>
        <message>
            <location filename="../../ui/clients/new_client_dialog.py" line="35" />
            <source>New client</source>
            <translation>Новий клієнт</translation>
        </message>
        <message>
            <location filename="../../ui/clients/new_client_dialog.py" line="38" />
            <source>A personal account is opened for the client; its number is shown after saving.</source>
            <translation>Для клієнта відкривається особовий рахунок; його номер буде показано після збереження.</translation>
        </message>
        <message>
            <location filename="../../ui/clients/new_client_dialog.py" line="49" />
            <source>&amp;Add client</source>
            <translation>&amp;Додати клієнта</translation>
        </message>
        <message>
            <location filename="../../ui/clients/new_client_dialog.py" line="52" />
            <source>Cancel</source>
            <translation>Скасувати</translation>
        </message>
        <message>
            <location filename="../../ui/clients/new_client_dialog.py" line="74" />
            <source>Client not added</source>
            <translation>Клієнта не додано</translation>
        </message>
        <message>
            <location filename="../../ui/clients/new_client_dialog.py" line="87" />
            <source>The client is added. Personal account: {number}</source>
            <translation>Клієнта додано. Особовий рахунок: {number}</translation>
        </message>
    </context>
    <context>
        <name>NewUserDialog</name>
        <message>
            <location filename="../../ui/users/users_screen.py" line="99" />
            <source>New user</source>
            <translation>Новий користувач</translation>
        </message>
        <message>
            <location filename="../../ui/users/users_screen.py" line="114" />
            <source>User name:</source>
            <translation>Ім’я користувача:</translation>
        </message>
        <message>
            <location filename="../../ui/users/users_screen.py" line="115" />
            <source>Role:</source>
            <translation>Роль:</translation>
        </message>
        <message>
            <location filename="../../ui/users/users_screen.py" line="116" />
            <source>Password:</source>
            <translation>Пароль:</translation>
        </message>
        <message>
            <location filename="../../ui/users/users_screen.py" line="117" />
            <source>The same again:</source>
            <translation>Ще раз:</translation>
        </message>
        <message>
            <location filename="../../ui/users/users_screen.py" line="126" />
            <source>Add user</source>
            <translation>Додати користувача</translation>
        </message>
        <message>
            <location filename="../../ui/users/users_screen.py" line="127" />
            <source>Cancel</source>
            <translation>Скасувати</translation>
        </message>
        <message>
            <location filename="../../ui/users/users_screen.py" line="134" />
            <source>At least {count} characters.</source>
            <translation>Щонайменше {count} символів.</translation>
        </message>
        <message>
            <location filename="../../ui/users/users_screen.py" line="144" />
            <source>The two passwords differ.</source>
            <translation>Паролі не збігаються.</translation>
        </message>
    </context>
    <context>
        <name>OptionDialog</name>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="244" />
            <source>New option</source>
            <translation>Нова опція</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="244" />
            <source>Change option</source>
            <translation>Зміна опції</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="247" />
            <source>An option's price applies from now to every subscription that has it; the change is kept in the option's history.</source>
            <translation>Ціна опції діє відтепер для кожної підписки з нею; зміна зберігається в історії опції.</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="258" />
            <source>user</source>
            <translation>користувач</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="261" />
            <source>metered: usage counted</source>
            <translation>за обсягом: рахується використання</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="262" />
            <source>limit: a cap on objects</source>
            <translation>ліміт: обмеження кількості</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="263" />
            <source>flat: a monthly fee</source>
            <translation>щомісячна плата</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="272" />
            <source>policy</source>
            <translation>за політикою</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="274" />
            <source>&amp;Code:</source>
            <translation>&amp;Код:</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="275" />
            <source>&amp;Name:</source>
            <translation>&amp;Назва:</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="276" />
            <source>&amp;Unit:</source>
            <translation>&amp;Одиниця:</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="277" />
            <source>&amp;Type:</source>
            <translation>&amp;Тип:</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="278" />
            <source>&amp;Price, EUR per unit:</source>
            <translation>&amp;Ціна, EUR за одиницю:</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="279" />
            <source>&amp;Overage multiplier:</source>
            <translation>&amp;Множник понад включене:</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="280" />
            <source>Save option</source>
            <translation>Зберегти опцію</translation>
        </message>
    </context>
    <context>
        <name>OptionsDialog</name>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="653" />
            <source>Add options: account {number}</source>
            <translation>Додати опції: рахунок {number}</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="656" />
            <source>Options are charged for the rest of the paid period ({period}), whole months; what the funds do not cover waits with its own invoice.</source>
            <translation>Опції оплачуються до кінця сплаченого періоду ({period}), цілими місяцями; те, що не покривають кошти, чекає оплати з окремим рахунком-фактурою.</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="663" />
            <source>A boost pack: for the current period only</source>
            <translation>Пакет підсилення: лише на поточний період</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="668" />
            <source>Business &amp;date:</source>
            <translation>&amp;Дата проведення:</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="669" />
            <source>&amp;Reason:</source>
            <translation>&amp;Підстава:</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="674" />
            <source>&amp;Add options…</source>
            <translation>&amp;Додати опції…</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="694" />
            <source>Reading the catalog…</source>
            <translation>Читання каталогу…</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="703" />
            <source>{eur} EUR per {unit} a month</source>
            <translation>{eur} EUR за {unit} на місяць</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="726" />
            <source>Add {options} to the subscription of account {number}?</source>
            <translation>Додати {options} до підписки рахунку {number}?</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="732" />
            <source>&amp;Add</source>
            <translation>&amp;Додати</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="733" />
            <source>&amp;Do not add</source>
            <translation>&amp;Не додавати</translation>
        </message>
    </context>
    <context>
        <name>OutboxScreen</name>
        <message>
            <location filename="../../ui/outbox/outbox_screen.py" line="61" />
            <source>State</source>
            <translation>Стан</translation>
        </message>
        <message>
            <location filename="../../ui/outbox/outbox_screen.py" line="62" />
            <source>What</source>
            <translation>Що</translation>
        </message>
        <message>
            <location filename="../../ui/outbox/outbox_screen.py" line="63" />
            <source>To</source>
            <translation>Кому</translation>
        </message>
        <message>
            <location filename="../../ui/outbox/outbox_screen.py" line="64" />
            <source>Subject</source>
            <translation>Тема</translation>
        </message>
        <message>
            <location filename="../../ui/outbox/outbox_screen.py" line="65" />
            <source>Queued</source>
            <translation>У черзі з</translation>
        </message>
        <message>
            <location filename="../../ui/outbox/outbox_screen.py" line="66" />
            <source>Sent</source>
            <translation>Надіслано</translation>
        </message>
        <message>
            <location filename="../../ui/outbox/outbox_screen.py" line="67" />
            <source>Attempts and last error</source>
            <translation>Спроби й остання помилка</translation>
        </message>
        <message>
            <location filename="../../ui/outbox/outbox_screen.py" line="84" />
            <source>The outbox is empty. Invoices, acts and alerts are put here to be e-mailed (Queue alerts, or from the invoices).</source>
            <translation>Черга листів порожня. Сюди потрапляють рахунки, акти й сповіщення для надсилання поштою («Поставити сповіщення в чергу» або з рахунків-фактур).</translation>
        </message>
        <message>
            <location filename="../../ui/outbox/outbox_screen.py" line="92" />
            <source>All messages</source>
            <translation>Усі листи</translation>
        </message>
        <message>
            <location filename="../../ui/outbox/outbox_screen.py" line="93" />
            <source>Waiting</source>
            <translation>Очікують</translation>
        </message>
        <message>
            <location filename="../../ui/outbox/outbox_screen.py" line="94" />
            <source>Failed</source>
            <translation>З помилкою</translation>
        </message>
        <message>
            <location filename="../../ui/outbox/outbox_screen.py" line="99" />
            <source>&amp;Send now</source>
            <translation>&amp;Надіслати зараз</translation>
        </message>
        <message>
            <location filename="../../ui/outbox/outbox_screen.py" line="100" />
            <source>Send what waits and retry what failed</source>
            <translation>Надіслати те, що очікує, і повторити невдалі</translation>
        </message>
        <message>
            <location filename="../../ui/outbox/outbox_screen.py" line="101" />
            <source>&amp;Queue alerts</source>
            <translation>Поставити &amp;сповіщення в чергу</translation>
        </message>
        <message>
            <location filename="../../ui/outbox/outbox_screen.py" line="102" />
            <source>Put the alerts not yet e-mailed into the outbox</source>
            <translation>Поставити в чергу сповіщення, ще не надіслані поштою</translation>
        </message>
        <message>
            <location filename="../../ui/outbox/outbox_screen.py" line="103" />
            <source>&amp;View…</source>
            <translation>&amp;Переглянути…</translation>
        </message>
        <message>
            <location filename="../../ui/outbox/outbox_screen.py" line="112" />
            <source>&amp;Show:</source>
            <translation>&amp;Показати:</translation>
        </message>
        <message>
            <location filename="../../ui/outbox/outbox_screen.py" line="129" />
            <source>Alerts and e-mail</source>
            <translation>Сповіщення й пошта</translation>
        </message>
        <message>
            <location filename="../../ui/outbox/outbox_screen.py" line="152" />
            <source>Reading the outbox…</source>
            <translation>Читання черги листів…</translation>
        </message>
        <message>
            <location filename="../../ui/outbox/outbox_screen.py" line="169" />
            <source>waiting</source>
            <translation>очікує</translation>
        </message>
        <message>
            <location filename="../../ui/outbox/outbox_screen.py" line="170" />
            <source>failed</source>
            <translation>помилка</translation>
        </message>
        <message>
            <location filename="../../ui/outbox/outbox_screen.py" line="171" />
            <source>sent</source>
            <translation>надіслано</translation>
        </message>
        <message>
            <location filename="../../ui/outbox/outbox_screen.py" line="174" />
            <source>invoice</source>
            <translation>рахунок-фактура</translation>
        </message>
        <message>
            <location filename="../../ui/outbox/outbox_screen.py" line="175" />
            <source>act</source>
            <translation>акт</translation>
        </message>
        <message>
            <location filename="../../ui/outbox/outbox_screen.py" line="176" />
            <source>alert</source>
            <translation>сповіщення</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/outbox/outbox_screen.py" line="183" />
            <source>%n attempt(s)</source>
            <translation>
                <numerusform>%n спроба</numerusform>
                <numerusform>%n спроби</numerusform>
                <numerusform>%n спроб</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/outbox/outbox_screen.py" line="202" />
            <source>{waiting} waiting of {total}</source>
            <translation>очікують {waiting} з {total}</translation>
        </message>
        <message>
            <location filename="../../ui/outbox/outbox_screen.py" line="230" />
            <source>Sending e-mail…</source>
            <translation>Надсилання пошти…</translation>
        </message>
        <message>
            <location filename="../../ui/outbox/outbox_screen.py" line="234" />
            <source>{sent} sent, {failed} failed</source>
            <translation>надіслано: {sent}, з помилкою: {failed}</translation>
        </message>
        <message>
            <location filename="../../ui/outbox/outbox_screen.py" line="249" />
            <source>Queuing alerts…</source>
            <translation>Постановка сповіщень у чергу…</translation>
        </message>
        <message>
            <location filename="../../ui/outbox/outbox_screen.py" line="251" />
            <source>{n} alert(s) queued</source>
            <translation>сповіщень у черзі: {n}</translation>
        </message>
        <message>
            <location filename="../../ui/outbox/outbox_screen.py" line="269" />
            <source>Message</source>
            <translation>Повідомлення</translation>
        </message>
        <message>
            <location filename="../../ui/outbox/outbox_screen.py" line="272" />
            <source>To:</source>
            <translation>Кому:</translation>
        </message>
        <message>
            <location filename="../../ui/outbox/outbox_screen.py" line="273" />
            <source>Subject:</source>
            <translation>Тема:</translation>
        </message>
    </context>
    <context>
        <name>PasswordDialog</name>
        <message>
            <location filename="../../ui/users/password_dialog.py" line="34" />
            <source>Change my password</source>
            <translation>Змінити мій пароль</translation>
        </message>
        <message>
            <location filename="../../ui/users/password_dialog.py" line="34" />
            <source>New password for {name}</source>
            <translation>Новий пароль для {name}</translation>
        </message>
        <message>
            <location filename="../../ui/users/password_dialog.py" line="47" />
            <source>Current password:</source>
            <translation>Поточний пароль:</translation>
        </message>
        <message>
            <location filename="../../ui/users/password_dialog.py" line="50" />
            <source>New password:</source>
            <translation>Новий пароль:</translation>
        </message>
        <message>
            <location filename="../../ui/users/password_dialog.py" line="51" />
            <source>The same again:</source>
            <translation>Ще раз:</translation>
        </message>
        <message>
            <location filename="../../ui/users/password_dialog.py" line="53" />
            <source>At least {count} characters.</source>
            <translation>Щонайменше {count} символів.</translation>
        </message>
        <message>
            <location filename="../../ui/users/password_dialog.py" line="63" />
            <source>Change password</source>
            <translation>Змінити пароль</translation>
        </message>
        <message>
            <location filename="../../ui/users/password_dialog.py" line="64" />
            <source>Cancel</source>
            <translation>Скасувати</translation>
        </message>
        <message>
            <location filename="../../ui/users/password_dialog.py" line="76" />
            <source>The two new passwords differ.</source>
            <translation>Нові паролі не збігаються.</translation>
        </message>
    </context>
    <context>
        <name>PlanDialog</name>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="88" />
            <source>New plan</source>
            <translation>Новий тариф</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="88" />
            <source>Change plan</source>
            <translation>Зміна тарифу</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="92" />
            <source>Prices in EUR a month. Changed terms become the plan's next version from today: new subscriptions and renewals take it, running periods keep theirs.</source>
            <translation>Ціни в EUR на місяць. Змінені умови стають наступною версією тарифу від сьогодні: її отримують нові підписки й поновлення, оплачені періоди зберігають свою.</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="101" />
            <source>Latin letters, digits, - or _; cannot change later</source>
            <translation>Латинські літери, цифри, - або _; змінити потім не можна</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="105" />
            <source>ready-made</source>
            <translation>готовий</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="106" />
            <source>custom</source>
            <translation>індивідуальний</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="107" />
            <source>free</source>
            <translation>безкоштовний</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="114" />
            <source>company's policy</source>
            <translation>політика компанії</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="122" />
            <source>Option</source>
            <translation>Опція</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="122" />
            <source>Included a month</source>
            <translation>Включено на місяць</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="122" />
            <source>Limit</source>
            <translation>Ліміт</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="154" />
            <source>policy</source>
            <translation>за політикою</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="157" />
            <source>{n} months, %:</source>
            <translation>{n} міс., %:</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="159" />
            <source>All empty: the policy's discounts. Any filled: only those periods.</source>
            <translation>Усі порожні: знижки за політикою. Заповнені: лише ці періоди.</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="164" />
            <source>&amp;Code:</source>
            <translation>&amp;Код:</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="165" />
            <source>&amp;Name:</source>
            <translation>&amp;Назва:</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="166" />
            <source>&amp;Kind:</source>
            <translation>&amp;Вид:</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="167" />
            <source>&amp;Policy:</source>
            <translation>&amp;Політика:</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="168" />
            <source>&amp;Price, EUR a month:</source>
            <translation>&amp;Ціна, EUR на місяць:</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="172" />
            <source>Save plan</source>
            <translation>Зберегти тариф</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="177" />
            <source>Included quantities and limits:</source>
            <translation>Включені обсяги й ліміти:</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="179" />
            <source>Discounts for paying several months ahead:</source>
            <translation>Знижки за оплату кількох місяців наперед:</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="210" />
            <source>Code, name and price are needed.</source>
            <translation>Потрібні код, назва й ціна.</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="212" />
            <source>Price and discounts are numbers, like 100,00 and 5.</source>
            <translation>Ціна й знижки — числа, як-от 100,00 і 5.</translation>
        </message>
        <message>
            <location filename="../../ui/catalog/catalog_dialogs.py" line="223" />
            <source>Save the plan «{name}» as version {n}? Subscriptions keep version {old} until their next renewal.</source>
            <translation>Зберегти тариф «{name}» як версію {n}? Підписки зберігають версію {old} до наступного поновлення.</translation>
        </message>
    </context>
    <context>
        <name>QObject</name>
        <message>
            <location filename="../../ui/clients/client_card.py" line="386" />
            <source>name</source>
            <translation>назва</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="387" />
            <source>short name</source>
            <translation>коротка назва</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="388" />
            <source>ЄДРПОУ</source>
            <translation>ЄДРПОУ</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="389" />
            <source>РНОКПП</source>
            <translation>РНОКПП</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="390" />
            <source>VAT payer</source>
            <translation>Платник ПДВ</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="391" />
            <source>ІПН</source>
            <translation>ІПН</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="392" />
            <source>address</source>
            <translation>адреса</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="393" />
            <source>IBANs</source>
            <translation>IBAN</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="394" />
            <source>e-mails</source>
            <translation>ел. пошта</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="395" />
            <source>contract number</source>
            <translation>номер договору</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="396" />
            <source>contract date</source>
            <translation>дата договору</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="397" />
            <source>manager</source>
            <translation>менеджер</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="398" />
            <source>notes</source>
            <translation>примітки</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="407" />
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="415" />
            <source>Kind</source>
            <translation>Вид</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="422" />
            <source>Amount, UAH</source>
            <translation>Сума, грн</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="433" />
            <source>Balance, UAH</source>
            <translation>Залишок, грн</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="442" />
            <source>Comment</source>
            <translation>Коментар</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="449" />
            <source>Entry</source>
            <translation>Проведення</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="458" />
            <source>Number</source>
            <translation>Номер</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="462" />
            <source>Month</source>
            <translation>Місяць</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="470" />
            <source>Total, UAH</source>
            <translation>Сума, грн</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="473" />
            <source>State</source>
            <translation>Стан</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="474" />
            <source>cancelled</source>
            <translation>скасовано</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="474" />
            <source>valid</source>
            <translation>чинний</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="483" />
            <source>Day</source>
            <translation>Дата</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="485" />
            <source>Message</source>
            <translation>Повідомлення</translation>
        </message>
        <message>
            <location filename="../../ui/clients/client_card.py" line="492" />
            <source>Sent</source>
            <translation>Надіслано</translation>
        </message>
        <message>
            <location filename="../../ui/list_export.py" line="107" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Книга Excel (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../ui/list_export.py" line="108" />
            <source>CSV for Excel, semicolon-separated (*.csv)</source>
            <translation>CSV для Excel, через крапку з комою (*.csv)</translation>
        </message>
        <message>
            <location filename="../../ui/list_export.py" line="132" />
            <source>Reading {n} rows…</source>
            <translation>Читання рядків ({n})…</translation>
        </message>
        <message>
            <location filename="../../ui/list_export.py" line="157" />
            <source>Exporting {n} rows to {name}…</source>
            <translation>Експорт рядків ({n}) у {name}…</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="82" />
            <source>&lt;b&gt;{file}&lt;/b&gt; ({format}): batch {batch}</source>
            <translation>&lt;b&gt;{file}&lt;/b&gt; ({format}): пакет {batch}</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="84" />
            <source>&lt;b&gt;{file}&lt;/b&gt; ({format}): nothing new, no batch made</source>
            <translation>&lt;b&gt;{file}&lt;/b&gt; ({format}): нових платежів немає, пакет не створено</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="86" />
            <source>new &lt;b&gt;{new}&lt;/b&gt; · duplicate {duplicate} · skipped {skipped} · matched &lt;b&gt;{matched}&lt;/b&gt; · unmatched &lt;b&gt;{unmatched}&lt;/b&gt; · posted &lt;b&gt;{total}&lt;/b&gt; UAH</source>
            <translation>нових &lt;b&gt;{new}&lt;/b&gt; · повторів {duplicate} · пропущено {skipped} · розпізнано &lt;b&gt;{matched}&lt;/b&gt; · нерозпізнано &lt;b&gt;{unmatched}&lt;/b&gt; · зараховано &lt;b&gt;{total}&lt;/b&gt; грн</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="103" />
            <source>skipped: {reasons}</source>
            <translation>пропущено: {reasons}</translation>
        </message>
        <message>
            <location filename="../../ui/statement_import.py" line="106" />
            <source>Warnings:</source>
            <translation>Попередження:</translation>
        </message>
    </context>
    <context>
        <name>RatesScreen</name>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="56" />
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="57" />
            <source>Currency</source>
            <translation>Валюта</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="59" />
            <source>Rate, UAH</source>
            <translation>Курс, грн</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="68" />
            <source>State</source>
            <translation>Стан</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="69" />
            <source>no rate</source>
            <translation>немає курсу</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="75" />
            <source>Source</source>
            <translation>Джерело</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="77" />
            <source>Stored</source>
            <translation>Записано</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="90" />
            <source>entered by hand</source>
            <translation>введено вручну</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="92" />
            <source>NBU service</source>
            <translation>сервіс НБУ</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="95" />
            <source>NBU service, rate of {day}</source>
            <translation>сервіс НБУ, курс на {day}</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="136" />
            <source>Only days &amp;without a rate</source>
            <translation>Лише дні &amp;без курсу</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="153" />
            <source>No rates in this period: Fetch from the NBU… (Ctrl+Shift+F) asks the NBU, Import file… reads a saved file.</source>
            <translation>За цей період курсів немає: «Отримати з НБУ…» (Ctrl+Shift+F) запитує НБУ, «Імпорт з файлу…» читає збережений файл.</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="165" />
            <source>Exchange rates</source>
            <translation>Курси валют</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="170" />
            <source>&amp;Enter rate…</source>
            <translation>&amp;Ввести курс…</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="172" />
            <source>Type a day's rate by hand, with the reason</source>
            <translation>Ввести курс дня вручну, із причиною</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="177" />
            <source>&amp;Import file…</source>
            <translation>&amp;Імпорт з файлу…</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="179" />
            <source>Read rates from an NBU JSON or XML file, or a CSV (date, currency, rate)</source>
            <translation>Прочитати курси з файлу НБУ JSON чи XML або CSV (дата, валюта, курс)</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="183" />
            <source>&amp;Fetch from the NBU…</source>
            <translation>&amp;Отримати з НБУ…</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="185" />
            <source>Ask the NBU's service for its official rates of a day or a period</source>
            <translation>Отримати офіційні курси НБУ за день або період</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="190" />
            <source>E&amp;xport…</source>
            <translation>&amp;Експорт…</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="192" />
            <source>Save the rates as listed to an XLSX or CSV file</source>
            <translation>Зберегти курси, як у списку, у файл XLSX або CSV</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="197" />
            <source>Filter by date, currency</source>
            <translation>Фільтр за датою, валютою</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="199" />
            <source>Period from</source>
            <translation>Період з</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="201" />
            <source>to</source>
            <translation>по</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="243" />
            <source>The period ends before it starts.</source>
            <translation>Період закінчується раніше, ніж починається.</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="250" />
            <source>Cannot read the rates</source>
            <translation>Не вдалося прочитати курси</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="265" />
            <source>{period}: every day has a rate ({currencies}).</source>
            <translation>{period}: курс є на кожен день ({currencies}).</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="270" />
            <source>{period}: {n} days without a rate of {currencies} ({days}). Debits of such a day wait for its rate: fetch it from the NBU or enter it.</source>
            <translation>{period}: днів без курсу {currencies}: {n} ({days}). Списання такого дня чекають на курс: отримайте його з НБУ або введіть.</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="313" />
            <source>Rate saved</source>
            <translation>Курс збережено</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="320" />
            <source>Import rates</source>
            <translation>Імпорт курсів</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="322" />
            <source>Rates files (*.json *.xml *.csv);;All files (*)</source>
            <translation>Файли курсів (*.json *.xml *.csv);;Усі файли (*)</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="340" />
            <source>Importing {name}…</source>
            <translation>Імпорт {name}…</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="348" />
            <source>{name}: {new} new, {corrected} corrected, {unchanged} unchanged, {skipped} of other currencies skipped.</source>
            <translation>{name}: нових {new}, виправлених {corrected}, без змін {unchanged}, пропущено інших валют {skipped}.</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="380" />
            <source>Fetching the NBU rates for {first} – {last}…</source>
            <translation>Отримання курсів НБУ за {first} – {last}…</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="389" />
            <source>NBU rates for {first} – {last}: {new} new, {unchanged} already stored.</source>
            <translation>Курси НБУ за {first} – {last}: нових {new}, уже записаних {unchanged}.</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="399" />
            <source>{currency} {day}: stored {stored}, the NBU says {nbu}</source>
            <translation>{currency} {day}: записано {stored}, у НБУ {nbu}</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="407" />
            <source>Left as stored, check them (Enter rate… corrects one): {list}.</source>
            <translation>Залишено як записано, перевірте («Ввести курс…» виправляє): {list}.</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="420" />
            <source>Export list</source>
            <translation>Експорт списку</translation>
        </message>
        <message>
            <location filename="../../ui/rates/rates_screen.py" line="427" />
            <source>Saved {p}</source>
            <translation>Збережено {p}</translation>
        </message>
    </context>
    <context>
        <name>ReasonDialog</name>
        <message>
            <location filename="../../ui/reason_dialog.py" line="69" />
            <source>The business date of what is posted</source>
            <translation>Дата, якою проводиться операція</translation>
        </message>
        <message>
            <location filename="../../ui/reason_dialog.py" line="72" />
            <source>Required: it is kept in the audit log</source>
            <translation>Обов'язково: зберігається в журналі змін</translation>
        </message>
        <message>
            <location filename="../../ui/reason_dialog.py" line="76" />
            <source>Business &amp;date:</source>
            <translation>&amp;Дата проведення:</translation>
        </message>
        <message>
            <location filename="../../ui/reason_dialog.py" line="79" />
            <source>&amp;Reason:</source>
            <translation>&amp;Підстава:</translation>
        </message>
    </context>
    <context>
        <name>ReportDialog</name>
        <message>
            <location filename="../../ui/report_dialog.py" line="66" />
            <source>Turnover balance sheet</source>
            <translation>Оборотно-сальдова відомість</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="67" />
            <source>Ledger entries</source>
            <translation>Операції по рахунку</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="68" />
            <source>Acts register</source>
            <translation>Реєстр актів</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="69" />
            <source>Invoices register with status</source>
            <translation>Реєстр рахунків зі станом оплати</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="70" />
            <source>Debtors and blocked accounts</source>
            <translation>Боржники та заблоковані рахунки</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="71" />
            <source>Revenue by month, plan and service</source>
            <translation>Виручка за місяцями, тарифами й послугами</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="72" />
            <source>Unmatched payments</source>
            <translation>Нерозпізнані платежі</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="73" />
            <source>NBU rates used</source>
            <translation>Використані курси НБУ</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="74" />
            <source>Closing journal</source>
            <translation>Журнал закриття місяців</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="75" />
            <source>Reconciliation statement</source>
            <translation>Акт звірки</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="134" />
            <source>Export report</source>
            <translation>Експорт звіту</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="140" />
            <source>The report to write as an Excel workbook</source>
            <translation>Звіт, який записати в книгу Excel</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="144" />
            <source>First day of the period</source>
            <translation>Перший день періоду</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="146" />
            <source>Last day of the period</source>
            <translation>Останній день періоду</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="148" />
            <source>personal account number</source>
            <translation>номер особового рахунку</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="149" />
            <source>Required for a reconciliation statement</source>
            <translation>Обов'язково для акта звірки</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="150" />
            <source>C&amp;hoose…</source>
            <translation>&amp;Вибрати…</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="151" />
            <source>Find the account by client name or code</source>
            <translation>Знайти рахунок за назвою клієнта або кодом</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="153" />
            <source>The workbook to write (.xlsx)</source>
            <translation>Файл книги Excel (.xlsx)</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="154" />
            <source>&amp;Browse…</source>
            <translation>&amp;Огляд…</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="155" />
            <source>Choose where to save the workbook</source>
            <translation>Виберіть, куди зберегти книгу Excel</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="176" />
            <source>&amp;Report:</source>
            <translation>&amp;Звіт:</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="177" />
            <source>&amp;Period:</source>
            <translation>&amp;Період:</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="180" />
            <source>&amp;Account:</source>
            <translation>&amp;Особовий рахунок:</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="183" />
            <source>&amp;File:</source>
            <translation>&amp;Файл:</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="189" />
            <source>&amp;Export</source>
            <translation>&amp;Експортувати</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="237" />
            <source>Save report</source>
            <translation>Зберегти звіт</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="237" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Книга Excel (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="244" />
            <source>Choose account</source>
            <translation>Вибір особового рахунку</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="275" />
            <source>Writing {report} to {name}…</source>
            <translation>Запис звіту «{report}» у {name}…</translation>
        </message>
    </context>
    <context>
        <name>ReportsScreen</name>
        <message>
            <location filename="../../ui/reports/reports_screen.py" line="43" />
            <source>&amp;Export to Excel…</source>
            <translation>&amp;Вивантажити в Excel…</translation>
        </message>
        <message>
            <location filename="../../ui/reports/reports_screen.py" line="47" />
            <source>Choose a report and press Enter: the period, the account and the file are asked next. Workbooks open in Excel and LibreOffice.</source>
            <translation>Виберіть звіт і натисніть Enter: далі буде запитано період, рахунок і файл. Книги відкриваються в Excel і LibreOffice.</translation>
        </message>
        <message>
            <location filename="../../ui/reports/reports_screen.py" line="62" />
            <source>Reports</source>
            <translation>Звіти</translation>
        </message>
        <message>
            <location filename="../../ui/reports/reports_screen.py" line="85" />
            <source>Report saved: {rows} rows in {path}</source>
            <translation>Звіт збережено: {rows} рядків у {path}</translation>
        </message>
    </context>
    <context>
        <name>RequisitesForm</name>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="61" />
            <source>VAT payer</source>
            <translation>Платник ПДВ</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="63" />
            <source>12 digits</source>
            <translation>12 цифр</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="66" />
            <source>one IBAN a line: UA…</source>
            <translation>по одному IBAN у рядку: UA…</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="69" />
            <source>one e-mail a line</source>
            <translation>по одній адресі в рядку</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="73" />
            <source>dd.mm.yyyy</source>
            <translation>дд.мм.рррр</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="80" />
            <source>&amp;Kind:</source>
            <translation>&amp;Вид:</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="82" />
            <source>&amp;Name:</source>
            <translation>&amp;Назва:</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="83" />
            <source>&amp;Short name:</source>
            <translation>&amp;Коротка назва:</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="86" />
            <source>&amp;ІПН:</source>
            <translation>&amp;ІПН:</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="87" />
            <source>&amp;Address:</source>
            <translation>&amp;Адреса:</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="88" />
            <source>&amp;IBANs:</source>
            <translation>&amp;IBAN:</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="89" />
            <source>&amp;E-mails:</source>
            <translation>&amp;Ел. пошта:</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="90" />
            <source>&amp;Contract No:</source>
            <translation>&amp;Номер договору:</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="91" />
            <source>Contract &amp;date:</source>
            <translation>&amp;Дата договору:</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="92" />
            <source>&amp;Manager:</source>
            <translation>&amp;Менеджер:</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="93" />
            <source>N&amp;otes:</source>
            <translation>&amp;Примітки:</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="195" />
            <source>ЄДРПОУ:</source>
            <translation>ЄДРПОУ:</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="195" />
            <source>РНОКПП:</source>
            <translation>РНОКПП:</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="196" />
            <source>8 digits</source>
            <translation>8 цифр</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="196" />
            <source>10 digits</source>
            <translation>10 цифр</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="226" />
            <source>“{email}” is not an e-mail address.</source>
            <translation>«{email}» не є адресою ел. пошти.</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="272" />
            <source>Required.</source>
            <translation>Обов'язкове поле.</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="274" />
            <source>Too long: at most {limit} characters.</source>
            <translation>Задовго: не більше {limit} символів.</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="278" />
            <source>Contains a control character: retype it.</source>
            <translation>Містить керівний символ: наберіть заново.</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="286" />
            <source>A legal entity needs its ЄДРПОУ.</source>
            <translation>Юридичній особі потрібен ЄДРПОУ.</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="288" />
            <source>A sole proprietor needs a РНОКПП.</source>
            <translation>ФОП потрібен РНОКПП.</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="296" />
            <source>The check digit does not match: look for a typo.</source>
            <translation>Контрольна цифра не збігається: перевірте, чи немає помилки.</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="298" />
            <source>Digits only.</source>
            <translation>Лише цифри.</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="299" />
            <source>It has {digits} digits.</source>
            <translation>Код має {digits} цифр.</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="305" />
            <source>A VAT payer needs its ІПН.</source>
            <translation>Платнику ПДВ потрібен ІПН.</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="309" />
            <source>ІПН has 12 digits.</source>
            <translation>ІПН має 12 цифр.</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="319" />
            <source>the check digits do not match</source>
            <translation>контрольні цифри не збігаються</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="321" />
            <source>wrong length</source>
            <translation>неправильна довжина</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="323" />
            <source>unknown country code</source>
            <translation>невідомий код країни</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="325" />
            <source>wrong characters</source>
            <translation>неприпустимі символи</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="326" />
            <source>IBAN {iban}: {why}.</source>
            <translation>IBAN {iban}: {why}.</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="329" />
            <source>IBAN {iban}: its bank is not in the register; check it.</source>
            <translation>IBAN {iban}: банку немає в довіднику; перевірте.</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="341" />
            <source>Type a date like 07.12.2026.</source>
            <translation>Введіть дату у вигляді 07.12.2026.</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="343" />
            <source>A contract date needs the contract number.</source>
            <translation>Для дати договору потрібен номер договору.</translation>
        </message>
        <message>
            <location filename="../../ui/clients/requisites_form.py" line="347" />
            <source>The date is outside what the books can hold.</source>
            <translation>Дата поза межами, які може мати облік.</translation>
        </message>
    </context>
    <context>
        <name>ReverseDialog</name>
        <message>
            <location filename="../../ui/reverse_dialog.py" line="54" />
            <source>Reverse entry {id}</source>
            <translation>Сторнування операції {id}</translation>
        </message>
        <message>
            <location filename="../../ui/reverse_dialog.py" line="58" />
            <source>Entry &lt;b&gt;{id}&lt;/b&gt; of account {account}, {date}:&lt;br&gt;{kind} &lt;b&gt;{amount}&lt;/b&gt; UAH — {comment}&lt;br&gt;&lt;br&gt;A reversal of &lt;b&gt;{opposite}&lt;/b&gt; UAH will be posted.</source>
            <translation>Операція &lt;b&gt;{id}&lt;/b&gt; рахунку {account}, {date}:&lt;br&gt;{kind} &lt;b&gt;{amount}&lt;/b&gt; грн — {comment}&lt;br&gt;&lt;br&gt;Буде проведено сторно на &lt;b&gt;{opposite}&lt;/b&gt; грн.</translation>
        </message>
        <message>
            <location filename="../../ui/reverse_dialog.py" line="80" />
            <source>why the entry was wrong</source>
            <translation>чому операція помилкова</translation>
        </message>
        <message>
            <location filename="../../ui/reverse_dialog.py" line="83" />
            <source>Business &amp;date:</source>
            <translation>&amp;Дата проведення:</translation>
        </message>
        <message>
            <location filename="../../ui/reverse_dialog.py" line="84" />
            <source>&amp;Reason:</source>
            <translation>&amp;Підстава:</translation>
        </message>
        <message>
            <location filename="../../ui/reverse_dialog.py" line="89" />
            <source>&amp;Reverse</source>
            <translation>&amp;Сторнувати</translation>
        </message>
        <message>
            <location filename="../../ui/reverse_dialog.py" line="116" />
            <source>Entry not reversed</source>
            <translation>Операцію не сторновано</translation>
        </message>
    </context>
    <context>
        <name>SettingsScreen</name>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="98" />
            <source>&amp;Save</source>
            <translation>З&amp;берегти</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="101" />
            <source>&amp;Undo changes</source>
            <translation>&amp;Скасувати зміни</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="105" />
            <source>Send a &amp;test message</source>
            <translation>Надіслати &amp;перевірочний лист</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="107" />
            <source>Send one message with the saved settings</source>
            <translation>Надіслати один лист зі збереженими налаштуваннями</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="110" />
            <source>to the sender's address</source>
            <translation>на адресу відправника</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="125" />
            <source>Settings</source>
            <translation>Налаштування</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="131" />
            <source>Full legal name</source>
            <translation>Повне найменування</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="132" />
            <source>ЄДРПОУ</source>
            <translation>ЄДРПОУ</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="133" />
            <source>ІПН (VAT payers)</source>
            <translation>ІПН (платники ПДВ)</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="134" />
            <source>VAT payer</source>
            <translation>Платник ПДВ</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="135" />
            <source>IBAN for payments</source>
            <translation>IBAN для оплати</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="136" />
            <source>Bank</source>
            <translation>Банк</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="137" />
            <source>Legal address</source>
            <translation>Юридична адреса</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="138" />
            <source>Place of issue</source>
            <translation>Місце складання</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="139" />
            <source>Phone</source>
            <translation>Телефон</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="140" />
            <source>E-mail</source>
            <translation>Ел. пошта</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="141" />
            <source>Director (signs documents)</source>
            <translation>Директор (підписує документи)</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="142" />
            <source>Chief accountant</source>
            <translation>Головний бухгалтер</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="143" />
            <source>Other bank accounts, one a line</source>
            <translation>Інші банківські рахунки, по одному в рядку</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="144" />
            <source>Preset</source>
            <translation>Набір правил</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="145" />
            <source>Markup over the NBU rate, %</source>
            <translation>Націнка до курсу НБУ, %</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="146" />
            <source>Personal accounts</source>
            <translation>Особові рахунки</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="147" />
            <source>Acts</source>
            <translation>Акти</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="148" />
            <source>Invoices</source>
            <translation>Рахунки-фактури</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="149" />
            <source>Days to pay an invoice</source>
            <translation>Днів на оплату рахунку</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="150" />
            <source>Margin on suggested amounts, %</source>
            <translation>Запас до запропонованих сум, %</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="151" />
            <source>Currencies kept</source>
            <translation>Валюти, що зберігаються</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="152" />
            <source>Use the last known rate up to, days</source>
            <translation>Брати останній відомий курс до, днів</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="153" />
            <source>Address of the NBU rates</source>
            <translation>Адреса курсів НБУ</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="154" />
            <source>Low-balance notice below, UAH</source>
            <translation>Попередження про низький залишок нижче, грн</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="155" />
            <source>First day of the books</source>
            <translation>Перший день обліку</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="156" />
            <source>Server</source>
            <translation>Сервер</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="157" />
            <source>Port</source>
            <translation>Порт</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="158" />
            <source>Security</source>
            <translation>Захист</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="159" />
            <source>User</source>
            <translation>Користувач</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="160" />
            <source>Password</source>
            <translation>Пароль</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="161" />
            <source>Sender address</source>
            <translation>Адреса відправника</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="166" />
            <source>Period anchor</source>
            <translation>Початок періоду</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="167" />
            <source>Charge mode</source>
            <translation>Порядок списання</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="168" />
            <source>Plan change</source>
            <translation>Зміна тарифу</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="169" />
            <source>Plan changes a day (0: no limit)</source>
            <translation>Змін тарифу на день (0 — без обмежень)</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="170" />
            <source>Payment grace, hours</source>
            <translation>Відстрочка оплати, годин</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="171" />
            <source>Limit grace, hours</source>
            <translation>Відстрочка за лімітами, годин</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="172" />
            <source>Balance expires after, months (0: never)</source>
            <translation>Залишок згоряє через, місяців (0 — ніколи)</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="173" />
            <source>Overage multiplier</source>
            <translation>Коефіцієнт перевищення</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="174" />
            <source>FX markup, %</source>
            <translation>Валютна націнка, %</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="175" />
            <source>Credit</source>
            <translation>Кредит</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="176" />
            <source>Credit, % of average monthly debits</source>
            <translation>Кредит, % середніх місячних списань</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="177" />
            <source>Low-balance notice</source>
            <translation>Попередження про низький залишок</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="178" />
            <source>Suspend and resume</source>
            <translation>Призупинення й відновлення</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="179" />
            <source>Free plan on sign-up</source>
            <translation>Безкоштовний тариф при реєстрації</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="180" />
            <source>Limit alerts</source>
            <translation>Сповіщення про ліміти</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="181" />
            <source>Payment processor fee, %</source>
            <translation>Комісія платіжного сервісу, %</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="187" />
            <source>yes</source>
            <translation>так</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="188" />
            <source>no</source>
            <translation>ні</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="189" />
            <source>calendar month</source>
            <translation>календарний місяць</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="190" />
            <source>from the day of purchase</source>
            <translation>від дня придбання</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="191" />
            <source>the whole period upfront</source>
            <translation>увесь період наперед</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="192" />
            <source>day by day</source>
            <translation>щодня</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="193" />
            <source>from the next full month</source>
            <translation>з наступного повного місяця</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="194" />
            <source>at once, prorated</source>
            <translation>одразу, пропорційно</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="195" />
            <source>STARTTLS (port 587)</source>
            <translation>STARTTLS (порт 587)</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="196" />
            <source>SSL (port 465)</source>
            <translation>SSL (порт 465)</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="197" />
            <source>no encryption</source>
            <translation>без шифрування</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="204" />
            <source>Company requisites</source>
            <translation>Реквізити підприємства</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="219" />
            <source>Our bank accounts</source>
            <translation>Наші банківські рахунки</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="222" />
            <source>Billing policy</source>
            <translation>Правила білінгу</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="224" />
            <source>Numbering</source>
            <translation>Нумерація</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="234" />
            <source>Exchange rates</source>
            <translation>Курси валют</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="238" />
            <source>E-mail (SMTP)</source>
            <translation>Пошта (SMTP)</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="241" />
            <source>Alerts and books</source>
            <translation>Сповіщення й облік</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="246" />
            <source>Other</source>
            <translation>Інше</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="284" />
            <source>Test:</source>
            <translation>Перевірка:</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="286" />
            <source>Language</source>
            <translation>Мова</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="288" />
            <source>Language of the window:</source>
            <translation>Мова вікна:</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="324" />
            <source>as the preset</source>
            <translation>як у наборі правил</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="352" />
            <source>not set</source>
            <translation>не задано</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="380" />
            <source>Cannot read the database</source>
            <translation>Не вдалося прочитати базу даних</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="390" />
            <source>stored; type a new one to change it</source>
            <translation>збережено; введіть новий, щоб змінити</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="408" />
            <source>An override cannot be removed here: type the preset's value</source>
            <translation>Тут не можна скасувати власне значення: введіть значення з набору правил</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="437" />
            <source>preset: {value}</source>
            <translation>у наборі: {value}</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="439" />
            <source>as the preset: {value}</source>
            <translation>як у наборі: {value}</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="441" />
            <source>Empty fields below take the preset's value; a value typed overrides it.</source>
            <translation>Порожні поля нижче беруть значення з набору правил; введене значення його замінює.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/settings/settings_screen.py" line="466" />
            <source>%n field(s) to correct before saving</source>
            <translation>
                <numerusform>%n поле треба виправити перед збереженням</numerusform>
                <numerusform>%n поля треба виправити перед збереженням</numerusform>
                <numerusform>%n полів треба виправити перед збереженням</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/settings/settings_screen.py" line="469" />
            <source>%n change(s) not saved</source>
            <translation>
                <numerusform>%n зміна не збережена</numerusform>
                <numerusform>%n зміни не збережені</numerusform>
                <numerusform>%n змін не збережено</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="488" />
            <source>Saving the settings…</source>
            <translation>Збереження налаштувань…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/settings/settings_screen.py" line="497" />
            <source>%n setting(s) saved</source>
            <translation>
                <numerusform>Збережено %n налаштування</numerusform>
                <numerusform>Збережено %n налаштування</numerusform>
                <numerusform>Збережено %n налаштувань</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="509" />
            <source>Sending a test message…</source>
            <translation>Надсилання перевірочного листа…</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="512" />
            <source>The test message went to {address}</source>
            <translation>Перевірочний лист надіслано на {address}</translation>
        </message>
        <message>
            <location filename="../../ui/settings/settings_screen.py" line="528" />
            <source>The language changes when the program is started again</source>
            <translation>Мова зміниться після перезапуску програми</translation>
        </message>
    </context>
    <context>
        <name>StatementLists</name>
        <message>
            <location filename="../../ui/statement_lists.py" line="23" />
            <source>Batch</source>
            <translation>Пакет</translation>
        </message>
        <message>
            <location filename="../../ui/statement_lists.py" line="25" />
            <source>File</source>
            <translation>Файл</translation>
        </message>
        <message>
            <location filename="../../ui/statement_lists.py" line="27" />
            <source>Format</source>
            <translation>Формат</translation>
        </message>
        <message>
            <location filename="../../ui/statement_lists.py" line="29" />
            <source>Imported</source>
            <translation>Імпортовано</translation>
        </message>
        <message>
            <location filename="../../ui/statement_lists.py" line="35" />
            <source>By</source>
            <translation>Хто</translation>
        </message>
        <message>
            <location filename="../../ui/statement_lists.py" line="36" />
            <source>New</source>
            <translation>Нових</translation>
        </message>
        <message>
            <location filename="../../ui/statement_lists.py" line="37" />
            <source>Dupl.</source>
            <translation>Повт.</translation>
        </message>
        <message>
            <location filename="../../ui/statement_lists.py" line="38" />
            <source>Skipped</source>
            <translation>Пропущено</translation>
        </message>
        <message>
            <location filename="../../ui/statement_lists.py" line="39" />
            <source>Matched</source>
            <translation>Розпізнано</translation>
        </message>
        <message>
            <location filename="../../ui/statement_lists.py" line="41" />
            <source>Unmatched</source>
            <translation>Нерозпізнано</translation>
        </message>
        <message>
            <location filename="../../ui/statement_lists.py" line="44" />
            <source>Posted, UAH</source>
            <translation>Зараховано, грн</translation>
        </message>
        <message>
            <location filename="../../ui/statement_lists.py" line="51" />
            <source>Undone</source>
            <translation>Скасовано</translation>
        </message>
        <message>
            <location filename="../../ui/statement_lists.py" line="59" />
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <location filename="../../ui/statement_lists.py" line="62" />
            <source>Amount, UAH</source>
            <translation>Сума, грн</translation>
        </message>
        <message>
            <location filename="../../ui/statement_lists.py" line="70" />
            <source>Payer</source>
            <translation>Платник</translation>
        </message>
        <message>
            <location filename="../../ui/statement_lists.py" line="79" />
            <source>Code</source>
            <translation>Код</translation>
        </message>
        <message>
            <location filename="../../ui/statement_lists.py" line="87" />
            <source>IBAN</source>
            <translation>IBAN</translation>
        </message>
        <message>
            <location filename="../../ui/statement_lists.py" line="95" />
            <source>Purpose</source>
            <translation>Призначення платежу</translation>
        </message>
        <message>
            <location filename="../../ui/statement_lists.py" line="103" />
            <source>Looks like</source>
            <translation>Схоже на</translation>
        </message>
        <message>
            <location filename="../../ui/statement_lists.py" line="111" />
            <source>Candidates</source>
            <translation>Можливі рахунки</translation>
        </message>
        <message>
            <location filename="../../ui/statement_lists.py" line="116" />
            <source>Accounts the matching rules proposed</source>
            <translation>Рахунки, запропоновані правилами розпізнавання</translation>
        </message>
        <message>
            <location filename="../../ui/statement_lists.py" line="125" />
            <source>{file}, line {line}</source>
            <translation>{file}, рядок {line}</translation>
        </message>
        <message>
            <location filename="../../ui/statement_lists.py" line="133" />
            <source>bank credit</source>
            <translation>зарахування банку</translation>
        </message>
        <message>
            <location filename="../../ui/statement_lists.py" line="134" />
            <source>budget</source>
            <translation>бюджет</translation>
        </message>
        <message>
            <location filename="../../ui/statement_lists.py" line="135" />
            <source>reversal</source>
            <translation>сторно</translation>
        </message>
        <message>
            <location filename="../../ui/statement_lists.py" line="142" />
            <source>Looks like a bank credit: currency sale, interest, refund of commission</source>
            <translation>Схоже на зарахування від банку: продаж валюти, відсотки, повернення комісії</translation>
        </message>
        <message>
            <location filename="../../ui/statement_lists.py" line="143" />
            <source>Looks like a budget payment or a treasury refund</source>
            <translation>Схоже на бюджетний платіж або повернення з казначейства</translation>
        </message>
        <message>
            <location filename="../../ui/statement_lists.py" line="144" />
            <source>A reversal of one of our own debits</source>
            <translation>Сторно одного з наших списань</translation>
        </message>
    </context>
    <context>
        <name>StatementsTab</name>
        <message>
            <location filename="../../ui/statements_tab.py" line="119" />
            <source>Cannot read the unmatched payments</source>
            <translation>Не вдалося прочитати нерозпізнані платежі</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="129" />
            <source>No statement imported in this session yet (Ctrl+I).</source>
            <translation>У цьому сеансі виписок ще не імпортовано (Ctrl+I).</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="137" />
            <source>No statements imported yet: Import statement… (Ctrl+I) reads a bank file.</source>
            <translation>Виписок ще не імпортовано: «Імпорт виписки…» (Ctrl+I) читає файл банку.</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="151" />
            <source>&amp;Import statement…</source>
            <translation>&amp;Імпорт виписки…</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="153" />
            <source>Import a bank statement file as one batch</source>
            <translation>Імпортувати файл банківської виписки одним пакетом</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="158" />
            <source>&amp;Undo batch…</source>
            <translation>&amp;Скасувати пакет…</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="160" />
            <source>Reverse every top-up of the selected batch</source>
            <translation>Сторнувати всі поповнення вибраного пакета</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="164" />
            <source>&amp;Assign to account…</source>
            <translation>&amp;Зарахувати на рахунок…</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="166" />
            <source>Post the selected payment to an account you choose</source>
            <translation>Зарахувати вибраний платіж на рахунок, який ви виберете</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="171" />
            <source>I&amp;gnore…</source>
            <translation>&amp;Не зараховувати…</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="173" />
            <source>Drop the selected payment from the queue, with a reason</source>
            <translation>Прибрати вибраний платіж з нерозпізнаних, із зазначенням причини</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="177" />
            <source>Ignore all &amp;like this…</source>
            <translation>Пропустити всі &amp;подібні…</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="179" />
            <source>Drop every unmatched payment with the selected one's hint (e.g. all bank credits) from the queue, with one reason</source>
            <translation>Прибрати з черги всі нерозпізнані платежі з такою ж позначкою, як у вибраного (напр. усі зарахування банку), з однією причиною</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="186" />
            <source>Export batches…</source>
            <translation>Експорт пакетів…</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="188" />
            <source>Save the batches as listed to an XLSX or CSV file</source>
            <translation>Зберегти пакети, як у списку, у файл XLSX або CSV</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="192" />
            <source>Export unmatched…</source>
            <translation>Експорт нерозпізнаних…</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="194" />
            <source>Save the unmatched payments as listed to an XLSX or CSV file</source>
            <translation>Зберегти нерозпізнані платежі, як у списку, у файл XLSX або CSV</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="209" />
            <source>Filter batches by file, format, user</source>
            <translation>Фільтр пакетів за файлом, форматом, користувачем</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="214" />
            <source>Filter payments by payer, code, IBAN, purpose</source>
            <translation>Фільтр платежів за платником, кодом, IBAN, призначенням</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="216" />
            <source>Imported batches</source>
            <translation>Імпортовані пакети</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="225" />
            <source>Unmatched payments</source>
            <translation>Нерозпізнані платежі</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="265" />
            <source>Cannot read the statements</source>
            <translation>Не вдалося прочитати виписки</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="281" />
            <source>Payments waiting: {n}, {total} UAH</source>
            <translation>Очікують зарахування: {n} на {total} грн</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="286" />
            <source>matching “{text}”</source>
            <translation>за пошуком «{text}»</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="291" />
            <source>No waiting payment matches the filter.</source>
            <translation>Жоден платіж, що очікує, не відповідає фільтру.</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="292" />
            <source>No payments are waiting: every imported payment found its account.</source>
            <translation>Платежів, що очікують, немає: кожен імпортований платіж знайшов свій рахунок.</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="315" />
            <source>Importing {name}…</source>
            <translation>Імпорт {name}…</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="318" />
            <source>Import cancelled: nothing posted</source>
            <translation>Імпорт скасовано: нічого не проведено</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="329" />
            <source>{file}: {matched} matched, {unmatched} unmatched</source>
            <translation>{file}: розпізнано {matched}, нерозпізнано {unmatched}</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="351" />
            <source>Undo batch {id}</source>
            <translation>Скасування пакета {id}</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="352" />
            <source>Batch &lt;b&gt;{id}&lt;/b&gt;, {file}: its {matched} top-ups of &lt;b&gt;{total}&lt;/b&gt; UAH will be reversed and its lines freed, so the file can be imported again.</source>
            <translation>Пакет &lt;b&gt;{id}&lt;/b&gt;, {file}: його поповнення ({matched}) на &lt;b&gt;{total}&lt;/b&gt; грн буде сторновано, а рядки звільнено, щоб файл можна було імпортувати знову.</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="361" />
            <source>&amp;Undo batch</source>
            <translation>&amp;Скасувати пакет</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="362" />
            <source>&amp;Keep batch</source>
            <translation>&amp;Залишити пакет</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="365" />
            <source>e.g. the bank sent a corrected statement</source>
            <translation>напр. банк надіслав виправлену виписку</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="390" />
            <source>Undoing batch {id} ({file})…</source>
            <translation>Скасування пакета {id} ({file})…</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="396" />
            <source>Batch {id} undone: {n} top-ups reversed</source>
            <translation>Пакет {id} скасовано: сторновано поповнень — {n}</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="399" />
            <source>Undo cancelled: nothing changed</source>
            <translation>Скасування перервано: нічого не змінено</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="416" />
            <source>{amount} UAH from {payer} posted to account {account} ({client}), entry {entry}</source>
            <translation>{amount} грн від {payer} зараховано на рахунок {account} ({client}), операція {entry}</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="441" />
            <source>Ignore payment</source>
            <translation>Не зараховувати платіж</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="442" />
            <source>&lt;b&gt;{amount} UAH&lt;/b&gt; of {date} from {payer} will leave the queue without being posted.</source>
            <translation>&lt;b&gt;{amount} грн&lt;/b&gt; від {date}, платник {payer}, буде прибрано з нерозпізнаних без зарахування.</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="450" />
            <source>I&amp;gnore</source>
            <translation>&amp;Не зараховувати</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="454" />
            <source>e.g. a refund from our own other account</source>
            <translation>напр. повернення з нашого іншого рахунку</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="459" />
            <source>Payment ignored</source>
            <translation>Платіж не зараховано й прибрано з нерозпізнаних</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="476" />
            <source>Ignore all like this</source>
            <translation>Пропустити всі подібні</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="477" />
            <source>Every unmatched payment marked “{hint}” will leave the queue without being posted.</source>
            <translation>Усі нерозпізнані платежі з позначкою «{hint}» буде прибрано з черги без зарахування.</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="480" />
            <source>I&amp;gnore all</source>
            <translation>Про&amp;пустити всі</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="484" />
            <source>e.g. proceeds of our currency sales, not client payments</source>
            <translation>напр. виручка від продажу нашої валюти, а не платежі клієнтів</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="489" />
            <source>looks like a bank credit: currency sale, interest, refund of commission</source>
            <translation>схоже на зарахування від банку: продаж валюти, відсотки, повернення комісії</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="492" />
            <source>looks like a budget payment or a treasury refund</source>
            <translation>схоже на бюджетний платіж або повернення з казначейства</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="493" />
            <source>a reversal of one of our own debits</source>
            <translation>сторно одного з наших списань</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="498" />
            <source>{n} payments ignored</source>
            <translation>Пропущено платежів: {n}</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="513" />
            <source>Export list</source>
            <translation>Експорт списку</translation>
        </message>
        <message>
            <location filename="../../ui/statements_tab.py" line="536" />
            <source>Saved {p}</source>
            <translation>Збережено {p}</translation>
        </message>
    </context>
    <context>
        <name>SubscriptionDialog</name>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="92" />
            <source>New subscription: account {number}</source>
            <translation>Нова підписка: рахунок {number}</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="96" />
            <source>Account {number}</source>
            <translation>Рахунок {number}</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="101" />
            <source>The business date: its NBU rate prices the order</source>
            <translation>Дата проведення: за курсом НБУ цього дня рахується вартість</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="103" />
            <source>Plan</source>
            <translation>Тариф</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="105" />
            <source>Months</source>
            <translation>Місяці</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="106" />
            <source>Renew automatically at the end of the period</source>
            <translation>Автоматично продовжувати наприкінці періоду</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="110" />
            <source>Business &amp;date:</source>
            <translation>&amp;Дата проведення:</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="111" />
            <source>&amp;Plan:</source>
            <translation>&amp;Тариф:</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="112" />
            <source>&amp;Months:</source>
            <translation>&amp;Місяців:</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="115" />
            <source>Options (quantity above the plan)</source>
            <translation>Опції (кількість понад тариф)</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="119" />
            <source>Reading the catalog and the rate…</source>
            <translation>Читання каталогу та курсу…</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="128" />
            <source>Price</source>
            <translation>Вартість</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="140" />
            <source>&amp;Subscribe…</source>
            <translation>&amp;Підписати…</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="141" />
            <source>Save &amp;invoice as PDF…</source>
            <translation>Зберегти &amp;рахунок-фактуру в PDF…</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="192" />
            <source>Reading the catalog…</source>
            <translation>Читання каталогу…</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="212" />
            <source>&lt;b&gt;{number}&lt;/b&gt; — {client}&lt;br&gt;Funds: {funds} UAH</source>
            <translation>&lt;b&gt;{number}&lt;/b&gt; — {client}&lt;br&gt;Кошти: {funds} грн</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="228" />
            <source>{name} — {eur} EUR a month</source>
            <translation>{name} — {eur} EUR на місяць</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="240" />
            <source>{eur} EUR per {unit}, bought as extra included quantity</source>
            <translation>{eur} EUR за {unit}, купується як додатково включена кількість</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="242" />
            <source>{eur} EUR per {unit} a month</source>
            <translation>{eur} EUR за {unit} на місяць</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="249" />
            <source>The catalog has no options.</source>
            <translation>У каталозі немає опцій.</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="298" />
            <source>The account already has a subscription ({status}): change it from the subscription panel.</source>
            <translation>Рахунок уже має підписку ({status}): змінюйте її на панелі підписки.</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="303" />
            <source>Choose a plan and the months.</source>
            <translation>Оберіть тариф і кількість місяців.</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="309" />
            <source>No NBU rate for {date}: enter or fetch the rate to see the price in UAH.</source>
            <translation>Немає курсу НБУ на {date}: введіть або завантажте курс, щоб побачити вартість у гривнях.</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="342" />
            <source>Subscribe</source>
            <translation>Підписка</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="345" />
            <source>Subscribe account &lt;b&gt;{account}&lt;/b&gt; of &lt;b&gt;{client}&lt;/b&gt; to plan «{plan}» for {months}: &lt;b&gt;{uah} UAH&lt;/b&gt; ({eur} EUR)?</source>
            <translation>Підписати рахунок &lt;b&gt;{account}&lt;/b&gt; клієнта &lt;b&gt;{client}&lt;/b&gt; на тариф «{plan}» на {months}: &lt;b&gt;{uah} грн&lt;/b&gt; ({eur} EUR)?</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="360" />
            <source>The funds cover the full price; it is debited day by day (the monthly price divided by the days of the month).</source>
            <translation>Коштів вистачає на повну ціну; вона списується щодня (місячна ціна, поділена на кількість днів місяця).</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="365" />
            <source>{uah} UAH will be debited from the account now.</source>
            <translation>З рахунку зараз буде списано {uah} грн.</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="369" />
            <source>The funds are {missing} UAH short: the subscription will wait for a top-up, and an activation invoice will be issued.</source>
            <translation>Коштів бракує {missing} грн: підписка чекатиме поповнення, буде виставлено рахунок-фактуру на активацію.</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="375" />
            <source>&amp;Subscribe</source>
            <translation>&amp;Підписати</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="376" />
            <source>&amp;Do not subscribe</source>
            <translation>&amp;Не підписувати</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="413" />
            <source>Subscribing…</source>
            <translation>Оформлення підписки…</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="426" />
            <source>Subscribed: &lt;b&gt;{status}&lt;/b&gt;, paid {period}.</source>
            <translation>Підписку оформлено: &lt;b&gt;{status}&lt;/b&gt;, сплачено {period}.</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="431" />
            <source>Subscribed: &lt;b&gt;{status}&lt;/b&gt;.</source>
            <translation>Підписку оформлено: &lt;b&gt;{status}&lt;/b&gt;.</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="433" />
            <source>Activation invoice &lt;b&gt;{number}&lt;/b&gt; issued.</source>
            <translation>Виставлено рахунок-фактуру на активацію &lt;b&gt;{number}&lt;/b&gt;.</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="452" />
            <source>Save PDF</source>
            <translation>Зберегти PDF</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="454" />
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="465" />
            <source>Saving the invoice to {name}…</source>
            <translation>Збереження рахунку-фактури у {name}…</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/constructor_dialog.py" line="474" />
            <source>Saved {path}</source>
            <translation>Збережено {path}</translation>
        </message>
    </context>
    <context>
        <name>SubscriptionPanel</name>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="92" />
            <source>No account chosen.</source>
            <translation>Рахунок не обрано.</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="98" />
            <source>&amp;New subscription…</source>
            <translation>&amp;Нова підписка…</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="99" />
            <source>&amp;Change plan…</source>
            <translation>&amp;Змінити тариф…</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="100" />
            <source>Add &amp;options…</source>
            <translation>Додати &amp;опції…</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="101" />
            <source>&amp;Suspend…</source>
            <translation>&amp;Призупинити…</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="102" />
            <source>&amp;Resume…</source>
            <translation>&amp;Відновити…</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="103" />
            <source>Auto-renewal…</source>
            <translation>Автопродовження…</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="104" />
            <source>The tariff constructor: plan, options, months</source>
            <translation>Конструктор тарифу: тариф, опції, місяці</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="105" />
            <source>Shows the refund or the difference first</source>
            <translation>Спершу показує повернення або доплату</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="106" />
            <source>No further debits; access blocked until resumed</source>
            <translation>Списання припиняються; доступ заблоковано до відновлення</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="127" />
            <source>Subscription</source>
            <translation>Підписка</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="162" />
            <source>Reading the subscription…</source>
            <translation>Читання підписки…</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="179" />
            <source>Account {number} has no subscription: choose a plan with New subscription.</source>
            <translation>Рахунок {number} не має підписки: оберіть тариф кнопкою «Нова підписка».</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="189" />
            <source>yes</source>
            <translation>так</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="189" />
            <source>no</source>
            <translation>ні</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="192" />
            <source>Plan</source>
            <translation>Тариф</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="194" />
            <source>{eur} EUR a month</source>
            <translation>{eur} EUR на місяць</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="196" />
            <source>Status</source>
            <translation>Стан</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="197" />
            <source>Paid period</source>
            <translation>Сплачений період</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="198" />
            <source>Bought for</source>
            <translation>Куплено на</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/subscriptions/subscription_panel.py" line="198" />
            <source>%n month(s)</source>
            <translation>
                <numerusform>%n місяць</numerusform>
                <numerusform>%n місяці</numerusform>
                <numerusform>%n місяців</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="199" />
            <source>Auto-renewal</source>
            <translation>Автопродовження</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="200" />
            <source>Ordered</source>
            <translation>Замовлено</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="201" />
            <source>Funds</source>
            <translation>Кошти</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="206" />
            <source>Waiting for funds</source>
            <translation>Очікує коштів</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="211" />
            <source>Activation invoice</source>
            <translation>Рахунок-фактура на активацію</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="216" />
            <source>(this period only)</source>
            <translation>(лише цей період)</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="221" />
            <source>Options</source>
            <translation>Опції</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="238" />
            <source>Auto-renewal &amp;off…</source>
            <translation>Вимкнути &amp;автопродовження…</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="238" />
            <source>Auto-renewal &amp;on…</source>
            <translation>Увімкнути &amp;автопродовження…</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="253" />
            <source>Account {number}: subscribed, {status}</source>
            <translation>Рахунок {number}: підписку оформлено, {status}</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="268" />
            <source>Account {number}: plan changed to {plan}</source>
            <translation>Рахунок {number}: тариф змінено на {plan}</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="280" />
            <source>Account {number}: options added</source>
            <translation>Рахунок {number}: опції додано</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="282" />
            <source>invoice {number} issued</source>
            <translation>виставлено рахунок-фактуру {number}</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="304" />
            <source>&amp;Keep as it is</source>
            <translation>&amp;Залишити як є</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="324" />
            <source>Suspend subscription</source>
            <translation>Призупинення підписки</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="325" />
            <source>Suspend the subscription of account &lt;b&gt;{number}&lt;/b&gt; ({client})? No further debits are made and access is blocked until it is resumed.</source>
            <translation>Призупинити підписку рахунку &lt;b&gt;{number}&lt;/b&gt; ({client})? Списання припиняться, доступ буде заблоковано до відновлення.</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="329" />
            <source>&amp;Suspend</source>
            <translation>&amp;Призупинити</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="331" />
            <source>Account {number}: subscription suspended</source>
            <translation>Рахунок {number}: підписку призупинено</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="347" />
            <source>Resume subscription</source>
            <translation>Відновлення підписки</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="348" />
            <source>Resume the subscription of account &lt;b&gt;{number}&lt;/b&gt; ({client})? A period that ended meanwhile is renewed where the funds allow.</source>
            <translation>Відновити підписку рахунку &lt;b&gt;{number}&lt;/b&gt; ({client})? Період, що тим часом закінчився, буде продовжено, якщо дозволяють кошти.</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="352" />
            <source>&amp;Resume</source>
            <translation>&amp;Відновити</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="354" />
            <source>Account {number}: subscription resumed</source>
            <translation>Рахунок {number}: підписку відновлено</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="370" />
            <source>Turn auto-renewal on for account &lt;b&gt;{number}&lt;/b&gt;: the next period will be debited when this one ends.</source>
            <translation>Увімкнути автопродовження для рахунку &lt;b&gt;{number}&lt;/b&gt;: наступний період буде списано, коли закінчиться цей.</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="375" />
            <source>Turn auto-renewal off for account &lt;b&gt;{number}&lt;/b&gt;: the subscription ends with its paid period.</source>
            <translation>Вимкнути автопродовження для рахунку &lt;b&gt;{number}&lt;/b&gt;: підписка закінчиться разом зі сплаченим періодом.</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="383" />
            <source>Turn &amp;on</source>
            <translation>&amp;Увімкнути</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="383" />
            <source>Turn &amp;off</source>
            <translation>&amp;Вимкнути</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/subscription_panel.py" line="386" />
            <source>Account {number}: auto-renewal changed</source>
            <translation>Рахунок {number}: автопродовження змінено</translation>
        </message>
    </context>
    <context>
        <name>SubscriptionWords</name>
        <message>
            <location filename="../../ui/subscriptions/words.py" line="22" />
            <source>Waiting for funds</source>
            <translation>Очікує коштів</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/words.py" line="23" />
            <source>Active</source>
            <translation>Активний</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/words.py" line="24" />
            <source>Blocked: renewal unpaid</source>
            <translation>Заблокована: продовження не сплачено</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/words.py" line="25" />
            <source>Suspended</source>
            <translation>Призупинена</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/words.py" line="26" />
            <source>Ended</source>
            <translation>Завершена</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/words.py" line="29" />
            <source>waits for funds</source>
            <translation>очікує коштів</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/words.py" line="30" />
            <source>active</source>
            <translation>активна</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/words.py" line="40" />
            <source>{amount} UAH</source>
            <translation>{amount} грн</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/subscriptions/words.py" line="72" />
            <source>%n month(s)</source>
            <translation>
                <numerusform>%n місяць</numerusform>
                <numerusform>%n місяці</numerusform>
                <numerusform>%n місяців</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/words.py" line="87" />
            <source>{eur} × {months} = {total} EUR</source>
            <translation>{eur} × {months} = {total} EUR</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/words.py" line="95" />
            <source>List price</source>
            <translation>Ціна за прейскурантом</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/words.py" line="99" />
            <source>Discount for {months} ({percent} %)</source>
            <translation>Знижка за {months} ({percent} %)</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/words.py" line="105" />
            <source>Total</source>
            <translation>Разом</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/words.py" line="114" />
            <source>NBU rate on {date}</source>
            <translation>Курс НБУ на {date}</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/words.py" line="115" />
            <source>{rate} UAH per EUR</source>
            <translation>{rate} грн за EUR</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/words.py" line="118" />
            <source>Markup</source>
            <translation>Націнка</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/words.py" line="119" />
            <source>To pay</source>
            <translation>До сплати</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/words.py" line="120" />
            <source>Funds on the account</source>
            <translation>Кошти на рахунку</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/words.py" line="124" />
            <source>Missing</source>
            <translation>Бракує</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/words.py" line="134" />
            <source>The funds do not cover it: the subscription waits for a top-up, with an invoice.</source>
            <translation>Коштів недостатньо: підписка чекатиме поповнення, з рахунком-фактурою.</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/words.py" line="136" />
            <source>The funds cover it: the subscription activates at once.</source>
            <translation>Коштів достатньо: підписка активується одразу.</translation>
        </message>
        <message>
            <location filename="../../ui/subscriptions/words.py" line="141" />
            <source>Suggested top-ups, UAH</source>
            <translation>Рекомендовані поповнення, грн</translation>
        </message>
    </context>
    <context>
        <name>TopupDialog</name>
        <message>
            <location filename="../../ui/topup_dialog.py" line="57" />
            <source>Top up account {number}</source>
            <translation>Поповнення рахунку {number}</translation>
        </message>
        <message>
            <location filename="../../ui/topup_dialog.py" line="61" />
            <source>&lt;b&gt;{number}&lt;/b&gt; — {client}&lt;br&gt;Balance: {balance} UAH</source>
            <translation>&lt;b&gt;{number}&lt;/b&gt; — {client}&lt;br&gt;Баланс: {balance} грн</translation>
        </message>
        <message>
            <location filename="../../ui/topup_dialog.py" line="71" />
            <source>Amount</source>
            <translation>Сума</translation>
        </message>
        <message>
            <location filename="../../ui/topup_dialog.py" line="83" />
            <source>e.g. payment by invoice 123 of 20.11.2026</source>
            <translation>напр. оплата за рахунком 123 від 20.11.2026</translation>
        </message>
        <message>
            <location filename="../../ui/topup_dialog.py" line="86" />
            <source>&amp;Amount, UAH:</source>
            <translation>&amp;Сума, грн:</translation>
        </message>
        <message>
            <location filename="../../ui/topup_dialog.py" line="88" />
            <source>Business &amp;date:</source>
            <translation>&amp;Дата проведення:</translation>
        </message>
        <message>
            <location filename="../../ui/topup_dialog.py" line="89" />
            <source>&amp;Reason:</source>
            <translation>&amp;Підстава:</translation>
        </message>
        <message>
            <location filename="../../ui/topup_dialog.py" line="95" />
            <source>&amp;Post top-up</source>
            <translation>&amp;Провести поповнення</translation>
        </message>
        <message>
            <location filename="../../ui/topup_dialog.py" line="111" />
            <source>amount</source>
            <translation>сума</translation>
        </message>
        <message>
            <location filename="../../ui/topup_dialog.py" line="130" />
            <source>A top-up must be more than zero.</source>
            <translation>Сума поповнення має бути більшою за нуль.</translation>
        </message>
        <message>
            <location filename="../../ui/topup_dialog.py" line="168" />
            <source>Top-up not posted</source>
            <translation>Поповнення не проведено</translation>
        </message>
    </context>
    <context>
        <name>TopupInvoiceDialog</name>
        <message>
            <location filename="../../ui/invoice_dialogs.py" line="99" />
            <source>Issue top-up invoice</source>
            <translation>Рахунок на поповнення</translation>
        </message>
        <message>
            <location filename="../../ui/invoice_dialogs.py" line="105" />
            <source>The sum the client asked an invoice for, in UAH</source>
            <translation>Сума, на яку клієнт просить рахунок, у гривнях</translation>
        </message>
        <message>
            <location filename="../../ui/invoice_dialogs.py" line="110" />
            <source>The invoice's date</source>
            <translation>Дата рахунку</translation>
        </message>
        <message>
            <location filename="../../ui/invoice_dialogs.py" line="114" />
            <source>A&amp;mount, UAH:</source>
            <translation>С&amp;ума, грн:</translation>
        </message>
        <message>
            <location filename="../../ui/invoice_dialogs.py" line="116" />
            <source>Invoice &amp;date:</source>
            <translation>&amp;Дата рахунку:</translation>
        </message>
        <message>
            <location filename="../../ui/invoice_dialogs.py" line="117" />
            <source>&amp;Issue invoice</source>
            <translation>&amp;Виставити рахунок</translation>
        </message>
        <message>
            <location filename="../../ui/invoice_dialogs.py" line="131" />
            <source>amount</source>
            <translation>сума</translation>
        </message>
        <message>
            <location filename="../../ui/invoice_dialogs.py" line="145" />
            <source>An invoice must be for more than zero.</source>
            <translation>Сума рахунку має бути більшою за нуль.</translation>
        </message>
        <message>
            <location filename="../../ui/invoice_dialogs.py" line="163" />
            <source>Invoice not issued</source>
            <translation>Рахунок не виставлено</translation>
        </message>
    </context>
    <context>
        <name>UnassignDialog</name>
        <message>
            <location filename="../../ui/unassign_dialog.py" line="47" />
            <source>Return payment to the queue</source>
            <translation>Повернення платежу до нерозпізнаних</translation>
        </message>
        <message>
            <location filename="../../ui/unassign_dialog.py" line="48" />
            <source>The top-up of &lt;b&gt;{amount} UAH&lt;/b&gt; from {payer} ({file}, line {line}) posted to account &lt;b&gt;{account}&lt;/b&gt; will be reversed, and the payment goes back to the unmatched payments to be assigned again.</source>
            <translation>Поповнення на &lt;b&gt;{amount} грн&lt;/b&gt; від {payer} ({file}, рядок {line}), зараховане на рахунок &lt;b&gt;{account}&lt;/b&gt;, буде сторновано, а платіж повернеться до нерозпізнаних, щоб зарахувати його знову.</translation>
        </message>
        <message>
            <location filename="../../ui/unassign_dialog.py" line="59" />
            <source>&amp;Return to queue</source>
            <translation>&amp;Повернути до нерозпізнаних</translation>
        </message>
        <message>
            <location filename="../../ui/unassign_dialog.py" line="60" />
            <source>&amp;Keep top-up</source>
            <translation>&amp;Залишити поповнення</translation>
        </message>
        <message>
            <location filename="../../ui/unassign_dialog.py" line="63" />
            <source>e.g. posted to the wrong client</source>
            <translation>напр. зараховано не тому клієнту</translation>
        </message>
    </context>
    <context>
        <name>UsersModel</name>
        <message>
            <location filename="../../ui/users/users_screen.py" line="68" />
            <source>User</source>
            <translation>Користувач</translation>
        </message>
        <message>
            <location filename="../../ui/users/users_screen.py" line="68" />
            <source>Role</source>
            <translation>Роль</translation>
        </message>
        <message>
            <location filename="../../ui/users/users_screen.py" line="68" />
            <source>State</source>
            <translation>Стан</translation>
        </message>
        <message>
            <location filename="../../ui/users/users_screen.py" line="68" />
            <source>Password changed</source>
            <translation>Пароль змінено</translation>
        </message>
        <message>
            <location filename="../../ui/users/users_screen.py" line="83" />
            <source>disabled</source>
            <translation>вимкнено</translation>
        </message>
        <message>
            <location filename="../../ui/users/users_screen.py" line="85" />
            <source>locked until {time}</source>
            <translation>заблоковано до {time}</translation>
        </message>
        <message>
            <location filename="../../ui/users/users_screen.py" line="88" />
            <source>active</source>
            <translation>активна</translation>
        </message>
    </context>
    <context>
        <name>UsersScreen</name>
        <message>
            <location filename="../../ui/users/users_screen.py" line="178" />
            <source>Add user…</source>
            <translation>Додати користувача…</translation>
        </message>
        <message>
            <location filename="../../ui/users/users_screen.py" line="179" />
            <source>Disable</source>
            <translation>Вимкнути</translation>
        </message>
        <message>
            <location filename="../../ui/users/users_screen.py" line="180" />
            <source>Enable</source>
            <translation>Увімкнути</translation>
        </message>
        <message>
            <location filename="../../ui/users/users_screen.py" line="181" />
            <source>Reset password…</source>
            <translation>Новий пароль…</translation>
        </message>
        <message>
            <location filename="../../ui/users/users_screen.py" line="182" />
            <source>Change my password…</source>
            <translation>Змінити мій пароль…</translation>
        </message>
        <message>
            <location filename="../../ui/users/users_screen.py" line="215" />
            <source>Users</source>
            <translation>Користувачі</translation>
        </message>
        <message>
            <location filename="../../ui/users/users_screen.py" line="226" />
            <source>Only an administrator manages users.</source>
            <translation>Користувачами керує лише адміністратор.</translation>
        </message>
        <message>
            <location filename="../../ui/users/users_screen.py" line="239" />
            <source>Nobody logs in yet: the program runs for one person with full rights. The first user you add is an administrator; from then on everybody logs in.</source>
            <translation>Поки що ніхто не входить під своїм ім’ям: програма працює для однієї особи з усіма правами. Перший доданий користувач — адміністратор; відтоді кожен входить під своїм ім’ям.</translation>
        </message>
        <message>
            <location filename="../../ui/users/users_screen.py" line="276" />
            <source>Disable user</source>
            <translation>Вимкнення користувача</translation>
        </message>
        <message>
            <location filename="../../ui/users/users_screen.py" line="277" />
            <source>Disable {name}? They will no longer be able to log in.</source>
            <translation>Вимкнути {name}? Цей користувач більше не зможе увійти.</translation>
        </message>
    </context>
    <context>
        <name>app</name>
        <message>
            <location filename="../../ui/app.py" line="71" />
            <source>Back office</source>
            <translation>Бек-офіс</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="87" />
            <source>Cannot open {url}</source>
            <translation>Не вдалося відкрити {url}</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="93" />
            <source>The database {url} is empty.

Create the tables now?</source>
            <translation>База даних {url} порожня.

Створити таблиці зараз?</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="95" />
            <source>The database {url} has schema {revision}; this program needs {head}.

Upgrade it now? Make a backup first if other people use it, and make sure nobody works in it with an older program.</source>
            <translation>База даних {url} має структуру версії {revision}; програмі потрібна {head}.

Оновити її зараз? Якщо з базою працюють інші, спершу зробіть резервну копію і переконайтеся, що ніхто не працює в ній старішою версією програми.</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="103" />
            <source>Database schema</source>
            <translation>Структура бази даних</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="115" />
            <source>Schema upgrade failed</source>
            <translation>Не вдалося оновити структуру бази даних</translation>
        </message>
    </context>
    <context>
        <name>connection</name>
        <message>
            <location filename="../../ui/connection/startup.py" line="47" />
            <source>Could not connect to {server}: {reason}
{detail}</source>
            <translation>Не вдалося підключитися до {server}: {reason}
{detail}</translation>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message>
            <location filename="../../ui/errors.py" line="39" />
            <source>Choose the personal account for the reconciliation.</source>
            <translation>Виберіть особовий рахунок для акта звірки.</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="43" />
            <source>Choose the personal account this report is for.</source>
            <translation>Виберіть особовий рахунок, для якого потрібен цей звіт.</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="48" />
            <source>the statement is of account {account}, which is not among our bank accounts. Check the file, or add the account to the company's bank accounts.</source>
            <translation>виписка належить рахунку {account}, якого немає серед банківських рахунків нашої компанії. Перевірте файл або додайте рахунок до банківських рахунків компанії.</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="56" />
            <source>Our company's bank accounts are not set: enter them in the company settings first, so a statement can be told ours.</source>
            <translation>Банківські рахунки нашої компанії не задано: спершу внесіть їх у реквізити компанії, щоб виписку можна було впізнати як нашу.</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="65" />
            <source>the columns of this table were not recognised (first row: {row}). Choose the bank under “Read as”, or ask for a profile of this bank.</source>
            <translation>колонки цієї таблиці не розпізнано (перший рядок: {row}). Виберіть банк у полі «Читати як» або попросіть профіль для цього банку.</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="73" />
            <source>This payment is no longer waiting: it was assigned or ignored meanwhile. The list is shown again.</source>
            <translation>Цей платіж уже не очікує: тим часом його зараховано або прибрано. Список показано заново.</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="81" />
            <source>This payment is not on an account any more.</source>
            <translation>Цей платіж уже не зараховано на рахунок.</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="85" />
            <source>Batch {id} was already undone on {day}.</source>
            <translation>Пакет {id} уже скасовано {day}.</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="89" />
            <source>Entry {id} was already reversed by entry {by}.</source>
            <translation>Операцію {id} уже сторновано операцією {by}.</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="93" />
            <source>Entry {id} is a reversal itself: post a correcting entry instead.</source>
            <translation>Операція {id} сама є сторно: проведіть натомість коригування.</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="99" />
            <source>The reversal date {day} is before the entry's own date {entry}.</source>
            <translation>Дата сторно {day} раніша за дату самої операції {entry}.</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="105" />
            <source>There is no personal account {number}.</source>
            <translation>Особового рахунку {number} не існує.</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="109" />
            <source>A top-up must be more than zero.</source>
            <translation>Сума поповнення має бути більшою за нуль.</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="114" />
            <source>Write the reason: it is kept in the audit log.</source>
            <translation>Вкажіть підставу: вона зберігається в журналі змін.</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="118" />
            <source>Invoice {number} is already cancelled.</source>
            <translation>Рахунок {number} уже анульовано.</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="122" />
            <source>“{text}” is not an amount: type it like 1 234,50.</source>
            <translation>«{text}» — не сума: введіть, наприклад, 1 234,50.</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="154" />
            <source>The connection to the database server was lost, or it cannot be reached.</source>
            <translation>Зв’язок із сервером бази даних втрачено або сервер недоступний.</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="159" />
            <source>Internal error: {kind}: {message}</source>
            <translation>Внутрішня помилка: {kind}: {message}</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="188" />
            <source>Not done</source>
            <translation>Не виконано</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="188" />
            <source>Internal error</source>
            <translation>Внутрішня помилка</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="191" />
            <source>Nothing was changed.</source>
            <translation>Нічого не змінено.</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="194" />
            <source>Nothing was changed. Please report this, with the details, to the developers.</source>
            <translation>Нічого не змінено. Будь ласка, повідомте про це розробникам, додавши подробиці.</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="204" />
            <source>No connection to the server</source>
            <translation>Немає зв’язку з сервером</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="207" />
            <source>The operation was not done: the server undid all of it. When the server is back (ask your administrator), press Retry, then do the operation again.</source>
            <translation>Операцію не виконано: сервер скасував її повністю. Коли сервер знову запрацює (зверніться до адміністратора), натисніть «Повторити», а потім виконайте операцію ще раз.</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="233" />
            <source>The database server still does not answer.</source>
            <translation>Сервер бази даних досі не відповідає.</translation>
        </message>
    </context>
    <context>
        <name>permissions</name>
        <message>
            <location filename="../../ui/users/words.py" line="20" />
            <source>read the books</source>
            <translation>переглядати облік</translation>
        </message>
        <message>
            <location filename="../../ui/users/words.py" line="21" />
            <source>export reports</source>
            <translation>вивантажувати звіти</translation>
        </message>
        <message>
            <location filename="../../ui/users/words.py" line="22" />
            <source>print invoices and acts</source>
            <translation>друкувати рахунки та акти</translation>
        </message>
        <message>
            <location filename="../../ui/users/words.py" line="23" />
            <source>post a top-up</source>
            <translation>проводити поповнення</translation>
        </message>
        <message>
            <location filename="../../ui/users/words.py" line="24" />
            <source>reverse an entry</source>
            <translation>сторнувати проводки</translation>
        </message>
        <message>
            <location filename="../../ui/users/words.py" line="25" />
            <source>post a correction</source>
            <translation>проводити коригування</translation>
        </message>
        <message>
            <location filename="../../ui/users/words.py" line="26" />
            <source>add or change clients</source>
            <translation>додавати чи змінювати клієнтів</translation>
        </message>
        <message>
            <location filename="../../ui/users/words.py" line="27" />
            <source>change subscriptions</source>
            <translation>змінювати підписки</translation>
        </message>
        <message>
            <location filename="../../ui/users/words.py" line="28" />
            <source>record usage</source>
            <translation>вносити споживання</translation>
        </message>
        <message>
            <location filename="../../ui/users/words.py" line="29" />
            <source>import bank statements</source>
            <translation>завантажувати банківські виписки</translation>
        </message>
        <message>
            <location filename="../../ui/users/words.py" line="30" />
            <source>assign or ignore statement lines</source>
            <translation>розносити чи пропускати платежі з виписок</translation>
        </message>
        <message>
            <location filename="../../ui/users/words.py" line="33" />
            <source>issue invoices</source>
            <translation>виставляти рахунки</translation>
        </message>
        <message>
            <location filename="../../ui/users/words.py" line="34" />
            <source>cancel invoices</source>
            <translation>анулювати рахунки</translation>
        </message>
        <message>
            <location filename="../../ui/users/words.py" line="35" />
            <source>run the invoice run</source>
            <translation>виставляти рахунки за розкладом</translation>
        </message>
        <message>
            <location filename="../../ui/users/words.py" line="36" />
            <source>run the daily job</source>
            <translation>запускати щоденну обробку</translation>
        </message>
        <message>
            <location filename="../../ui/users/words.py" line="37" />
            <source>close a month</source>
            <translation>закривати місяць</translation>
        </message>
        <message>
            <location filename="../../ui/users/words.py" line="38" />
            <source>reopen a month</source>
            <translation>відкривати закритий місяць</translation>
        </message>
        <message>
            <location filename="../../ui/users/words.py" line="39" />
            <source>edit settings</source>
            <translation>змінювати налаштування</translation>
        </message>
        <message>
            <location filename="../../ui/users/words.py" line="40" />
            <source>edit the catalog</source>
            <translation>змінювати каталог</translation>
        </message>
        <message>
            <location filename="../../ui/users/words.py" line="41" />
            <source>set exchange rates</source>
            <translation>вносити курси валют</translation>
        </message>
        <message>
            <location filename="../../ui/users/words.py" line="42" />
            <source>fetch exchange rates</source>
            <translation>завантажувати курси НБУ</translation>
        </message>
        <message>
            <location filename="../../ui/users/words.py" line="43" />
            <source>queue e-mails</source>
            <translation>ставити листи в чергу</translation>
        </message>
        <message>
            <location filename="../../ui/users/words.py" line="44" />
            <source>send e-mails</source>
            <translation>надсилати листи</translation>
        </message>
        <message>
            <location filename="../../ui/users/words.py" line="45" />
            <source>manage users</source>
            <translation>керувати користувачами</translation>
        </message>
        <message>
            <location filename="../../ui/users/words.py" line="46" />
            <source>back up, restore or upgrade the database</source>
            <translation>робити резервні копії, відновлювати чи оновлювати базу</translation>
        </message>
        <message>
            <location filename="../../ui/users/words.py" line="49" />
            <source>load demo data</source>
            <translation>завантажувати демонстраційні дані</translation>
        </message>
        <message>
            <location filename="../../ui/users/words.py" line="61" />
            <source>User {user} ({role}) may not {action}.</source>
            <translation>Користувач {user} ({role}) не має права {action}.</translation>
        </message>
    </context>
    <context>
        <name>screens</name>
        <message>
            <location filename="../../ui/screens.py" line="47" />
            <source>Overview</source>
            <translation>Огляд</translation>
        </message>
        <message>
            <location filename="../../ui/screens.py" line="54" />
            <source>Clients and accounts</source>
            <translation>Клієнти й рахунки</translation>
        </message>
        <message>
            <location filename="../../ui/screens.py" line="61" />
            <source>Client cards</source>
            <translation>Картки клієнтів</translation>
        </message>
        <message>
            <location filename="../../ui/screens.py" line="67" />
            <source>Statements</source>
            <translation>Виписки</translation>
        </message>
        <message>
            <location filename="../../ui/screens.py" line="70" />
            <source>Invoices</source>
            <translation>Рахунки-фактури</translation>
        </message>
        <message>
            <location filename="../../ui/screens.py" line="74" />
            <source>Acts</source>
            <translation>Акти</translation>
        </message>
        <message>
            <location filename="../../ui/screens.py" line="81" />
            <source>Closing</source>
            <translation>Закриття</translation>
        </message>
        <message>
            <location filename="../../ui/screens.py" line="88" />
            <source>Reports</source>
            <translation>Звіти</translation>
        </message>
        <message>
            <location filename="../../ui/screens.py" line="95" />
            <source>Catalog</source>
            <translation>Каталог</translation>
        </message>
        <message>
            <location filename="../../ui/screens.py" line="102" />
            <source>Rates</source>
            <translation>Курси</translation>
        </message>
        <message>
            <location filename="../../ui/screens.py" line="109" />
            <source>Alerts and e-mail</source>
            <translation>Сповіщення й пошта</translation>
        </message>
        <message>
            <location filename="../../ui/screens.py" line="116" />
            <source>Settings</source>
            <translation>Налаштування</translation>
        </message>
        <message>
            <location filename="../../ui/screens.py" line="124" />
            <source>Users</source>
            <translation>Користувачі</translation>
        </message>
        <message>
            <location filename="../../ui/screens.py" line="132" />
            <source>Audit</source>
            <translation>Аудит</translation>
        </message>
    </context>
    <context>
        <name>users</name>
        <message>
            <location filename="../../ui/users/words.py" line="10" />
            <source>Administrator</source>
            <translation>Адміністратор</translation>
        </message>
        <message>
            <location filename="../../ui/users/words.py" line="11" />
            <source>Chief accountant</source>
            <translation>Головний бухгалтер</translation>
        </message>
        <message>
            <location filename="../../ui/users/words.py" line="12" />
            <source>Accountant</source>
            <translation>Бухгалтер</translation>
        </message>
        <message>
            <location filename="../../ui/users/words.py" line="13" />
            <source>Manager</source>
            <translation>Менеджер</translation>
        </message>
        <message>
            <location filename="../../ui/users/words.py" line="14" />
            <source>Auditor (read only)</source>
            <translation>Аудитор (лише перегляд)</translation>
        </message>
        <message>
            <location filename="../../ui/users/words.py" line="15" />
            <source>Scheduler (daily job)</source>
            <translation>Планувальник (щоденна обробка)</translation>
        </message>
    </context>
</TS>
