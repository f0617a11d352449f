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
            <location filename="../../ui/main_window.py" line="118" />
            <source>Personal accounts</source>
            <translation>Особові рахунки</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="127" />
            <source>Filter by client name, ЄДРПОУ/РНОКПП or account number   (Ctrl+F)</source>
            <translation>Фільтр за назвою клієнта, ЄДРПОУ/РНОКПП або номером рахунку   (Ctrl+F)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="140" />
            <source>Database: {url}</source>
            <translation>База даних: {url}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="191" />
            <source>&amp;Refresh</source>
            <translation>&amp;Оновити</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="191" />
            <source>Read the accounts again</source>
            <translation>Прочитати рахунки знову</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="194" />
            <source>&amp;Top-up…</source>
            <translation>&amp;Поповнення…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="197" />
            <source>Post a manual top-up to the selected account</source>
            <translation>Провести ручне поповнення вибраного рахунку</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="200" />
            <source>Re&amp;verse entry…</source>
            <translation>С&amp;торнувати операцію…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="203" />
            <source>Reverse the selected ledger entry</source>
            <translation>Сторнувати вибрану операцію</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="206" />
            <source>&amp;Export list…</source>
            <translation>&amp;Експорт списку…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="209" />
            <source>Save the accounts as listed to an XLSX or CSV file</source>
            <translation>Зберегти рахунки, як у списку, у файл XLSX або CSV</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="211" />
            <source>&amp;Quit</source>
            <translation>&amp;Вийти</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="211" />
            <source>Quit</source>
            <translation>Вийти</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="213" />
            <source>&amp;Filter accounts</source>
            <translation>&amp;Фільтр рахунків</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="216" />
            <source>Filter the list of accounts</source>
            <translation>Відфільтрувати список рахунків</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="219" />
            <source>&amp;File</source>
            <translation>&amp;Файл</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="228" />
            <source>&amp;Account</source>
            <translation>&amp;Особовий рахунок</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="232" />
            <source>&amp;View</source>
            <translation>&amp;Вигляд</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="237" />
            <source>&amp;Language</source>
            <translation>&amp;Мова</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="242" />
            <source>Main</source>
            <translation>Головна</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="252" />
            <source>Account</source>
            <translation>Особовий рахунок</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="271" />
            <source>&amp;Filter:</source>
            <translation>&amp;Фільтр:</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="294" />
            <source>Accounts</source>
            <translation>Особові рахунки</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="295" />
            <source>Statements</source>
            <translation>Виписки</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="296" />
            <source>Invoices</source>
            <translation>Рахунки</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="375" />
            <source>Refreshed</source>
            <translation>Оновлено</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="428" />
            <source>Cannot read the database</source>
            <translation>Не вдалося прочитати базу даних</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="450" />
            <source>Top-up reversed; the payment is back among the unmatched payments</source>
            <translation>Поповнення сторновано; платіж повернувся до нерозпізнаних</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="461" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Книга Excel (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="462" />
            <source>CSV for Excel, semicolon-separated (*.csv)</source>
            <translation>CSV для Excel, через крапку з комою (*.csv)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="464" />
            <source>Export accounts</source>
            <translation>Експорт особових рахунків</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="480" />
            <source>Exporting {n} accounts to {name}…</source>
            <translation>Експорт рахунків ({n}) у {name}…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="486" />
            <source>Export cancelled</source>
            <translation>Експорт скасовано</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="501" />
            <source>Entry {id}: {amount} UAH posted to account {account}</source>
            <translation>Операція {id}: {amount} грн проведено на рахунок {account}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="509" />
            <source>Exported {n} accounts to {path}</source>
            <translation>Експортовано рахунків: {n}, файл {path}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="527" />
            <source>&lt;b&gt;Ledger&lt;/b&gt; — no account selected</source>
            <translation>&lt;b&gt;Операції&lt;/b&gt; — рахунок не вибрано</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="529" />
            <source>&lt;b&gt;Ledger of {number}&lt;/b&gt; — {client}, balance {balance} UAH</source>
            <translation>&lt;b&gt;Операції рахунку {number}&lt;/b&gt; — {client}, баланс {balance} грн</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/main_window.py" line="569" />
            <source>%Ln account</source>
            <translation>
                <numerusform>%Ln рахунок</numerusform>
                <numerusform>%Ln рахунки</numerusform>
                <numerusform>%Ln рахунків</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/main_window.py" line="569" />
            <source>%Ln accounts</source>
            <translation>
                <numerusform>%Ln рахунок</numerusform>
                <numerusform>%Ln рахунки</numerusform>
                <numerusform>%Ln рахунків</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="572" />
            <source>matching “{text}”</source>
            <translation>за пошуком «{text}»</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="587" />
            <source>The language changes when the program is started again</source>
            <translation>Мова зміниться після перезапуску програми</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="592" />
            <source>No personal account matches “{text}”. Esc clears the filter.</source>
            <translation>Жоден особовий рахунок не відповідає «{text}». Esc очищає фільтр.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="595" />
            <source>No clients yet. Clients and their personal accounts are added by importing the clients' workbook; then top-ups and statements fill the balances.</source>
            <translation>Клієнтів ще немає. Клієнтів та їхні особові рахунки додають імпортом книги клієнтів; далі баланси наповнюють поповнення та виписки.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="602" />
            <source>Choose an account above to see its entries.</source>
            <translation>Виберіть рахунок угорі, щоб побачити його операції.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="603" />
            <source>No entries on this account yet: a top-up (Ctrl+T) or an imported statement adds them.</source>
            <translation>Операцій на цьому рахунку ще немає: їх додає поповнення (Ctrl+T) або імпортована виписка.</translation>
        </message>
        <message>
            <location filename="../../ui/window_tabs.py" line="45" />
            <source>&amp;Statements</source>
            <translation>&amp;Виписки</translation>
        </message>
        <message>
            <location filename="../../ui/window_tabs.py" line="50" />
            <source>&amp;Invoices</source>
            <translation>&amp;Рахунки</translation>
        </message>
        <message>
            <location filename="../../ui/window_tabs.py" line="67" />
            <source>Export &amp;report…</source>
            <translation>Експорт &amp;звіту…</translation>
        </message>
        <message>
            <location filename="../../ui/window_tabs.py" line="69" />
            <source>Write a report (turnover, registers, debtors…) to an Excel workbook</source>
            <translation>Записати звіт (обороти, реєстри, боржники…) у книгу Excel</translation>
        </message>
        <message>
            <location filename="../../ui/window_tabs.py" line="81" />
            <source>Issue top-up &amp;invoice…</source>
            <translation>&amp;Рахунок на поповнення…</translation>
        </message>
        <message>
            <location filename="../../ui/window_tabs.py" line="83" />
            <source>Issue an invoice for a sum the selected account's client asked to top up</source>
            <translation>Виставити клієнту вибраного рахунку рахунок на суму, яку він хоче внести</translation>
        </message>
        <message>
            <location filename="../../ui/window_tabs.py" line="89" />
            <source>&amp;Accounts</source>
            <translation>&amp;Особові рахунки</translation>
        </message>
        <message>
            <location filename="../../ui/window_tabs.py" line="94" />
            <source>Show the {tab} tab</source>
            <translation>Показати вкладку «{tab}»</translation>
        </message>
        <message>
            <location filename="../../ui/window_tabs.py" line="120" />
            <source>Report saved: {rows} rows in {path}</source>
            <translation>Звіт збережено: рядків {rows}, файл {path}</translation>
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
        <name>QObject</name>
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
        <name>TopupDialog</name>
        <message>
            <location filename="../../ui/topup_dialog.py" line="56" />
            <source>Top up account {number}</source>
            <translation>Поповнення рахунку {number}</translation>
        </message>
        <message>
            <location filename="../../ui/topup_dialog.py" line="60" />
            <source>&lt;b&gt;{number}&lt;/b&gt; — {client}&lt;br&gt;Balance: {balance} UAH</source>
            <translation>&lt;b&gt;{number}&lt;/b&gt; — {client}&lt;br&gt;Баланс: {balance} грн</translation>
        </message>
        <message>
            <location filename="../../ui/topup_dialog.py" line="70" />
            <source>Amount</source>
            <translation>Сума</translation>
        </message>
        <message>
            <location filename="../../ui/topup_dialog.py" line="82" />
            <source>e.g. payment by invoice 123 of 20.11.2026</source>
            <translation>напр. оплата за рахунком 123 від 20.11.2026</translation>
        </message>
        <message>
            <location filename="../../ui/topup_dialog.py" line="85" />
            <source>&amp;Amount, UAH:</source>
            <translation>&amp;Сума, грн:</translation>
        </message>
        <message>
            <location filename="../../ui/topup_dialog.py" line="87" />
            <source>Business &amp;date:</source>
            <translation>&amp;Дата проведення:</translation>
        </message>
        <message>
            <location filename="../../ui/topup_dialog.py" line="88" />
            <source>&amp;Reason:</source>
            <translation>&amp;Підстава:</translation>
        </message>
        <message>
            <location filename="../../ui/topup_dialog.py" line="94" />
            <source>&amp;Post top-up</source>
            <translation>&amp;Провести поповнення</translation>
        </message>
        <message>
            <location filename="../../ui/topup_dialog.py" line="110" />
            <source>amount</source>
            <translation>сума</translation>
        </message>
        <message>
            <location filename="../../ui/topup_dialog.py" line="129" />
            <source>A top-up must be more than zero.</source>
            <translation>Сума поповнення має бути більшою за нуль.</translation>
        </message>
        <message>
            <location filename="../../ui/topup_dialog.py" line="167" />
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
            <translation>активний</translation>
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
            <location filename="../../ui/app.py" line="63" />
            <source>Back office</source>
            <translation>Бек-офіс</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="79" />
            <source>Cannot open {url}</source>
            <translation>Не вдалося відкрити {url}</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="85" />
            <source>The database {url} is empty.

Create the tables now?</source>
            <translation>База даних {url} порожня.

Створити таблиці зараз?</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="87" />
            <source>The database {url} has schema {revision}; this program needs {head}.

Upgrade it now? Make a backup first if other people use it, and make sure nobody works in it with an older program.</source>
            <translation>База даних {url} має структуру версії {revision}; програмі потрібна {head}.

Оновити її зараз? Якщо з базою працюють інші, спершу зробіть резервну копію і переконайтеся, що ніхто не працює в ній старішою версією програми.</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="95" />
            <source>Database schema</source>
            <translation>Структура бази даних</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="107" />
            <source>Schema upgrade failed</source>
            <translation>Не вдалося оновити структуру бази даних</translation>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message>
            <location filename="../../ui/errors.py" line="37" />
            <source>Choose the personal account for the reconciliation.</source>
            <translation>Виберіть особовий рахунок для акта звірки.</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="41" />
            <source>Choose the personal account this report is for.</source>
            <translation>Виберіть особовий рахунок, для якого потрібен цей звіт.</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="46" />
            <source>the statement is of account {account}, which is not among our bank accounts. Check the file, or add the account to the company's bank accounts.</source>
            <translation>виписка належить рахунку {account}, якого немає серед банківських рахунків нашої компанії. Перевірте файл або додайте рахунок до банківських рахунків компанії.</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="54" />
            <source>Our company's bank accounts are not set: enter them in the company settings first, so a statement can be told ours.</source>
            <translation>Банківські рахунки нашої компанії не задано: спершу внесіть їх у реквізити компанії, щоб виписку можна було впізнати як нашу.</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="63" />
            <source>the columns of this table were not recognised (first row: {row}). Choose the bank under “Read as”, or ask for a profile of this bank.</source>
            <translation>колонки цієї таблиці не розпізнано (перший рядок: {row}). Виберіть банк у полі «Читати як» або попросіть профіль для цього банку.</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="71" />
            <source>This payment is no longer waiting: it was assigned or ignored meanwhile. The list is shown again.</source>
            <translation>Цей платіж уже не очікує: тим часом його зараховано або прибрано. Список показано заново.</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="79" />
            <source>This payment is not on an account any more.</source>
            <translation>Цей платіж уже не зараховано на рахунок.</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="83" />
            <source>Batch {id} was already undone on {day}.</source>
            <translation>Пакет {id} уже скасовано {day}.</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="87" />
            <source>Entry {id} was already reversed by entry {by}.</source>
            <translation>Операцію {id} уже сторновано операцією {by}.</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="91" />
            <source>Entry {id} is a reversal itself: post a correcting entry instead.</source>
            <translation>Операція {id} сама є сторно: проведіть натомість коригування.</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="97" />
            <source>The reversal date {day} is before the entry's own date {entry}.</source>
            <translation>Дата сторно {day} раніша за дату самої операції {entry}.</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="103" />
            <source>There is no personal account {number}.</source>
            <translation>Особового рахунку {number} не існує.</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="107" />
            <source>A top-up must be more than zero.</source>
            <translation>Сума поповнення має бути більшою за нуль.</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="112" />
            <source>Write the reason: it is kept in the audit log.</source>
            <translation>Вкажіть підставу: вона зберігається в журналі змін.</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="116" />
            <source>Invoice {number} is already cancelled.</source>
            <translation>Рахунок {number} уже анульовано.</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="120" />
            <source>“{text}” is not an amount: type it like 1 234,50.</source>
            <translation>«{text}» — не сума: введіть, наприклад, 1 234,50.</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="133" />
            <source>Internal error: {kind}: {message}</source>
            <translation>Внутрішня помилка: {kind}: {message}</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="160" />
            <source>Not done</source>
            <translation>Не виконано</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="160" />
            <source>Internal error</source>
            <translation>Внутрішня помилка</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="163" />
            <source>Nothing was changed.</source>
            <translation>Нічого не змінено.</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="166" />
            <source>Nothing was changed. Please report this, with the details, to the developers.</source>
            <translation>Нічого не змінено. Будь ласка, повідомте про це розробникам, додавши подробиці.</translation>
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
