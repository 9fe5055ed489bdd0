<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AccessibleNames</name>
    <message>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
    <message>
        <source>Empties the box.</source>
        <translation>Очищает поле.</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Фильтры</translation>
    </message>
    <message>
        <source>What the timeline, the map and the event list show.</source>
        <translation>Что показывают временная шкала, карта и список событий.</translation>
    </message>
    <message>
        <source>Search events</source>
        <translation>Поиск событий</translation>
    </message>
    <message>
        <source>Shows only events whose title, summary or quoted passages contain these words.</source>
        <translation>Показывает только события, в названии, описании или цитатах которых есть эти слова.</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Рецензент</translation>
    </message>
    <message>
        <source>Shows the events any reviewer, one reviewer, both or only one of them mentions; the number of events is in brackets.</source>
        <translation>Показывает события, которые упоминает любой рецензент, один из них, оба или только один; число событий — в скобках.</translation>
    </message>
    <message>
        <source>From year</source>
        <translation>С года</translation>
    </message>
    <message>
        <source>The first year the timeline shows.</source>
        <translation>Первый год, который показывает шкала.</translation>
    </message>
    <message>
        <source>To year</source>
        <translation>По год</translation>
    </message>
    <message>
        <source>The last year the timeline shows.</source>
        <translation>Последний год, который показывает шкала.</translation>
    </message>
    <message>
        <source>Shows only events whose facts the reviewers dispute; the timeline draws them hatched.</source>
        <translation>Показывает только события, факты которых рецензенты оспаривают; шкала рисует их штриховкой.</translation>
    </message>
    <message>
        <source>Shows or hides this kind of event: the historical record, scenes of the film, or the film&apos;s reception.</source>
        <translation>Показывает или скрывает этот вид событий: исторические факты, сцены фильма или восприятие фильма.</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>Темы</translation>
    </message>
    <message>
        <source>Tick themes to show only their events; Space ticks the current one. The number of events is in brackets.</source>
        <translation>Отметьте темы, чтобы показать только их события; Пробел отмечает текущую. Число событий — в скобках.</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Места</translation>
    </message>
    <message>
        <source>Tick places to show only their events; Space ticks the current one. The number of events is in brackets.</source>
        <translation>Отметьте места, чтобы показать только их события; Пробел отмечает текущее. Число событий — в скобках.</translation>
    </message>
    <message>
        <source>Shows every event again (the years in view stay).</source>
        <translation>Снова показывает все события (видимые годы не меняются).</translation>
    </message>
    <message>
        <source>How many events the filters show.</source>
        <translation>Сколько событий показывают фильтры.</translation>
    </message>
    <message>
        <source>Overview of all years</source>
        <translation>Обзор всех лет</translation>
    </message>
    <message>
        <source>Bars count the events of each year; the shaded window is the span the timeline shows. Left and right arrows move it, plus and minus narrow or widen it, Home resets it.</source>
        <translation>Столбцы — число событий каждого года; затенённое окно — период, который показывает шкала. Стрелки влево и вправо сдвигают его, плюс и минус сужают или расширяют, Home возвращает исходный.</translation>
    </message>
    <message>
        <source>Leaders&apos; periods</source>
        <translation>Периоды правления</translation>
    </message>
    <message>
        <source>Who led the Soviet Union in the years shown.</source>
        <translation>Кто руководил Советским Союзом в показанные годы.</translation>
    </message>
    <message>
        <source>The key to the timeline&apos;s marks and its keys.</source>
        <translation>Пояснение к знакам шкалы и её клавишам.</translation>
    </message>
    <message>
        <source>Where the events in view happened: circles sized by the number of events; click a place or use the place filter. Arrows pan, plus and minus zoom, Home fits the places, Escape clears the place filter.</source>
        <translation>Где произошли видимые события: размер кругов — число событий; щёлкните место или воспользуйтесь фильтром мест. Стрелки сдвигают карту, плюс и минус меняют масштаб, Home вписывает места, Escape сбрасывает фильтр мест.</translation>
    </message>
    <message>
        <source>The key to the map.</source>
        <translation>Пояснение к карте.</translation>
    </message>
    <message>
        <source>Events shown</source>
        <translation>Показанные события</translation>
    </message>
    <message>
        <source>Every event the filters show in the years in view, one per row: date, title, places, themes, sources and kind (history, film scene or reception; disputed events say so). Arrows move and select; the menu key opens the event&apos;s menu.</source>
        <translation>Все события, которые фильтры показывают в видимые годы, по одному в строке: дата, название, места, темы, источники и тип (история, сцена фильма или восприятие; у оспариваемых это указано). Стрелки перемещают и выбирают; клавиша меню открывает меню события.</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Столбцы</translation>
    </message>
    <message>
        <source>Click a column&apos;s title to sort by it.</source>
        <translation>Щёлкните заголовок столбца, чтобы отсортировать по нему.</translation>
    </message>
    <message>
        <source>About the selected event</source>
        <translation>О выбранном событии</translation>
    </message>
    <message>
        <source>Its excerpts, what the reviewers made of it, and the reviews in full.</source>
        <translation>Его выдержки, что о нём сказали рецензенты, и полные тексты рецензий.</translation>
    </message>
    <message>
        <source>Excerpts</source>
        <translation>Выдержки</translation>
    </message>
    <message>
        <source>The selected event&apos;s summary, where its facts come from, and the passages of the reviews behind it; Tab goes to each &apos;Show in review&apos; link.</source>
        <translation>Описание выбранного события, откуда взяты его факты, и отрывки рецензий, на которых оно основано; Tab переходит к каждой ссылке «Показать в рецензии».</translation>
    </message>
    <message>
        <source>What the reviewers made of it</source>
        <translation>Что сказали рецензенты</translation>
    </message>
    <message>
        <source>Each reviewer&apos;s comments on the selected event, side by side, and where they disagree.</source>
        <translation>Комментарии каждого рецензента о выбранном событии рядом друг с другом и то, в чём они расходятся.</translation>
    </message>
    <message>
        <source>Read the reviews</source>
        <translation>Читать рецензии</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Рецензия</translation>
    </message>
    <message>
        <source>Which review to read.</source>
        <translation>Какую рецензию читать.</translation>
    </message>
    <message>
        <source>Marks the review&apos;s text that no event quotes.</source>
        <translation>Отмечает текст рецензии, который не цитирует ни одно событие.</translation>
    </message>
    <message>
        <source>Review text</source>
        <translation>Текст рецензии</translation>
    </message>
    <message>
        <source>The review in full; passages the store quotes are highlighted and named by kind.</source>
        <translation>Рецензия целиком; отрывки, которые цитирует хранилище, выделены и подписаны по виду.</translation>
    </message>
    <message>
        <source>Find in this review</source>
        <translation>Найти в рецензии</translation>
    </message>
    <message>
        <source>Enter finds the next match.</source>
        <translation>Enter находит следующее совпадение.</translation>
    </message>
    <message>
        <source>Previous passage</source>
        <translation>Предыдущий отрывок</translation>
    </message>
    <message>
        <source>Goes to the previous passage the store uses.</source>
        <translation>Переходит к предыдущему отрывку, который использует хранилище.</translation>
    </message>
    <message>
        <source>Next passage</source>
        <translation>Следующий отрывок</translation>
    </message>
    <message>
        <source>Goes to the next passage the store uses.</source>
        <translation>Переходит к следующему отрывку, который использует хранилище.</translation>
    </message>
    <message>
        <source>Copies the selected text, or the current passage, with a Chicago-style citation (Ctrl+Shift+C).</source>
        <translation>Копирует выделенный текст или текущий отрывок со ссылкой в чикагском стиле (Ctrl+Shift+C).</translation>
    </message>
    <message>
        <source>Highlight colours: excerpt, commentary, claim, not used</source>
        <translation>Цвета выделения: выдержка, комментарий, утверждение, не использовано</translation>
    </message>
</context>
<context>
    <name>CommentaryPane</name>
    <message>
        <source>the historical record</source>
        <translation>исторические документы</translation>
    </message>
    <message>
        <source>Editor&apos;s note: {note}</source>
        <translation>Примечание редактора: {note}</translation>
    </message>
    <message>
        <source>Only {author} discusses this event.</source>
        <translation>Это событие обсуждает только {author}.</translation>
    </message>
    <message>
        <source>Reports the event without comment.</source>
        <translation>Сообщает о событии без комментария.</translation>
    </message>
    <message>
        <source>{author} does not mention this event.</source>
        <translation>{author} не упоминает это событие.</translation>
    </message>
    <message>
        <source>Rests on: {reference}</source>
        <translation>Основание: {reference}</translation>
    </message>
    <message>
        <source>Makes no claim on this point.</source>
        <translation>Ничего не утверждает по этому вопросу.</translation>
    </message>
    <message>
        <source>Sources disagree: {topic}</source>
        <translation>Источники расходятся: {topic}</translation>
    </message>
    <message>
        <source>Only {source} makes a claim: {topic}</source>
        <translation>Утверждение есть только у источника «{source}»: {topic}</translation>
    </message>
    <message>
        <source>What each reviewer made of the selected event appears here, side by side.</source>
        <translation>Здесь рядом друг с другом показано, что каждый рецензент сказал о выбранном событии.</translation>
    </message>
</context>
<context>
    <name>DateWords</name>
    <message>
        <source>January</source>
        <translation>январь</translation>
    </message>
    <message>
        <source>February</source>
        <translation>февраль</translation>
    </message>
    <message>
        <source>March</source>
        <translation>март</translation>
    </message>
    <message>
        <source>April</source>
        <translation>апрель</translation>
    </message>
    <message>
        <source>May</source>
        <translation>май</translation>
    </message>
    <message>
        <source>June</source>
        <translation>июнь</translation>
    </message>
    <message>
        <source>July</source>
        <translation>июль</translation>
    </message>
    <message>
        <source>August</source>
        <translation>август</translation>
    </message>
    <message>
        <source>September</source>
        <translation>сентябрь</translation>
    </message>
    <message>
        <source>October</source>
        <translation>октябрь</translation>
    </message>
    <message>
        <source>November</source>
        <translation>ноябрь</translation>
    </message>
    <message>
        <source>December</source>
        <translation>декабрь</translation>
    </message>
    <message>
        <source>January</source>
        <comment>after a day: 2 January</comment>
        <translation>января</translation>
    </message>
    <message>
        <source>February</source>
        <comment>after a day</comment>
        <translation>февраля</translation>
    </message>
    <message>
        <source>March</source>
        <comment>after a day</comment>
        <translation>марта</translation>
    </message>
    <message>
        <source>April</source>
        <comment>after a day</comment>
        <translation>апреля</translation>
    </message>
    <message>
        <source>May</source>
        <comment>after a day</comment>
        <translation>мая</translation>
    </message>
    <message>
        <source>June</source>
        <comment>after a day</comment>
        <translation>июня</translation>
    </message>
    <message>
        <source>July</source>
        <comment>after a day</comment>
        <translation>июля</translation>
    </message>
    <message>
        <source>August</source>
        <comment>after a day</comment>
        <translation>августа</translation>
    </message>
    <message>
        <source>September</source>
        <comment>after a day</comment>
        <translation>сентября</translation>
    </message>
    <message>
        <source>October</source>
        <comment>after a day</comment>
        <translation>октября</translation>
    </message>
    <message>
        <source>November</source>
        <comment>after a day</comment>
        <translation>ноября</translation>
    </message>
    <message>
        <source>December</source>
        <comment>after a day</comment>
        <translation>декабря</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>янв.</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>февр.</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>марта</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>апр.</translation>
    </message>
    <message>
        <source>May</source>
        <comment>abbreviated month</comment>
        <translation>мая</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>июня</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>июля</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>авг.</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>сент.</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>окт.</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>нояб.</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>дек.</translation>
    </message>
    <message>
        <source>spring</source>
        <translation>весна</translation>
    </message>
    <message>
        <source>summer</source>
        <translation>лето</translation>
    </message>
    <message>
        <source>autumn</source>
        <translation>осень</translation>
    </message>
    <message>
        <source>winter</source>
        <translation>зима</translation>
    </message>
    <message>
        <source>{day} {month} {year}</source>
        <comment>a day: 2 June 1962</comment>
        <translation>{day} {month} {year}</translation>
    </message>
    <message>
        <source>{day} {month}</source>
        <comment>a day whose year follows later: 30 June (– 2 July 1962)</comment>
        <translation>{day} {month}</translation>
    </message>
    <message>
        <source>{month} {year}</source>
        <comment>a month: June 1962</comment>
        <translation>{month} {year}</translation>
    </message>
    <message>
        <source>{season} {year}</source>
        <comment>a season: spring 1962</comment>
        <translation>{season} {year}</translation>
    </message>
    <message>
        <source>{decade}s</source>
        <comment>a decade: 1920s</comment>
        <translation>{decade}-е</translation>
    </message>
    <message>
        <source>{first}–{last}</source>
        <comment>a range between single words: 1929–1933</comment>
        <translation>{first}–{last}</translation>
    </message>
    <message>
        <source>{first} – {last}</source>
        <comment>a range between words with spaces: 30 June – 2 July 1962</comment>
        <translation>{first} – {last}</translation>
    </message>
    <message>
        <source>c. {date}</source>
        <comment>an approximate date: c. 1930</comment>
        <translation>ок. {date}</translation>
    </message>
    <message>
        <source>{date} (uncertain)</source>
        <comment>an uncertain date: June 1962 (uncertain)</comment>
        <translation>{date} (предположительно)</translation>
    </message>
    <message>
        <source>c. {date} (uncertain)</source>
        <comment>approximate and uncertain</comment>
        <translation>ок. {date} (предположительно)</translation>
    </message>
    <message>
        <source>after {date}</source>
        <comment>an open end: after 1985</comment>
        <translation>после {date}</translation>
    </message>
    <message>
        <source>before {date}</source>
        <comment>an open start: before 1917</comment>
        <translation>до {date}</translation>
    </message>
    <message>
        <source>from {date} (end unknown)</source>
        <translation>с {date} (конец неизвестен)</translation>
    </message>
    <message>
        <source>until {date} (start unknown)</source>
        <translation>до {date} (начало неизвестно)</translation>
    </message>
    <message>
        <source>{old} ({new}) {year}</source>
        <comment>Old Style, New Style in brackets: 25 Oct (7 Nov) 1917</comment>
        <translation>{old} ({new}) {year}</translation>
    </message>
    <message>
        <source>{old} ({new}) {month} {year}</source>
        <comment>both in one month: 12 (25) Oct 1917</comment>
        <translation>{old} ({new}) {month} {year}</translation>
    </message>
    <message>
        <source>{old} ({new})</source>
        <comment>across a year: 23 Dec 1917 (5 Jan 1918)</comment>
        <translation>{old} ({new})</translation>
    </message>
</context>
<context>
    <name>EventMenu</name>
    <message>
        <source>Select</source>
        <translation>Выбрать</translation>
    </message>
    <message>
        <source>Zoom to this event</source>
        <translation>Приблизить к этому событию</translation>
    </message>
    <message>
        <source>Copy title and date</source>
        <translation>Копировать название и дату</translation>
    </message>
    <message>
        <source>Copy citation</source>
        <translation>Копировать цитату</translation>
    </message>
    <message>
        <source>Export this event…</source>
        <translation>Экспортировать это событие…</translation>
    </message>
</context>
<context>
    <name>EventTable</name>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Места</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>Темы</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>History</source>
        <extracomment>model/table_order.py&apos;s KINDS, as the table shows them (translated); sorting follows the English ones.</extracomment>
        <translation>История</translation>
    </message>
    <message>
        <source>Film scene</source>
        <translation>Сцена фильма</translation>
    </message>
    <message>
        <source>Reception</source>
        <translation>Восприятие</translation>
    </message>
    <message>
        <source>{kind}, disputed</source>
        <extracomment>Above this many events a column is sorted in a worker thread, and every column is sorted in advance soon after a store opens, so a click on a header finds its order ready.</extracomment>
        <translation>{kind}, оспаривается</translation>
    </message>
</context>
<context>
    <name>ExcerptPane</name>
    <message>
        <source>No source passage</source>
        <translation>Нет отрывка из источника</translation>
    </message>
    <message>
        <source>&lt;b&gt;▣ Not the historical record:&lt;/b&gt; {layer} as the reviews tell it.</source>
        <translation>&lt;b&gt;▣ Не исторический факт:&lt;/b&gt; {layer} в пересказе рецензий.</translation>
    </message>
    <message>
        <source>this store (contract version 1) does not record where dates come from</source>
        <translation>это хранилище (контракт версии 1) не указывает, откуда взяты даты</translation>
    </message>
    <message>
        <source>&lt;b&gt;Date:&lt;/b&gt; {date} ({certainty}); {basis}.</source>
        <translation>&lt;b&gt;Дата:&lt;/b&gt; {date} ({certainty}); {basis}.</translation>
    </message>
    <message>
        <source>From outside the reviews:</source>
        <translation>Сведения не из рецензий:</translation>
    </message>
    <message>
        <source>Show in review</source>
        <translation>Показать в рецензии</translation>
    </message>
    <message>
        <source>Unverified: this source was registered without its text, so the quotation could not be checked.</source>
        <translation>Не проверено: источник внесён без текста, поэтому цитату нельзя сверить.</translation>
    </message>
    <message>
        <source>Editor&apos;s note: {note}</source>
        <translation>Примечание редактора: {note}</translation>
    </message>
    <message>
        <source>Select an event on the timeline or in the table to read the passages behind it.</source>
        <translation>Выберите событие на временной шкале или в таблице, чтобы прочитать отрывки, на которых оно основано.</translation>
    </message>
    <message>
        <source>Passages ({count})</source>
        <translation>Отрывки ({count})</translation>
    </message>
    <message>
        <source>: an event of your own that no passage of a source backs.</source>
        <translation>: ваше собственное событие, которое не подкреплено ни одним отрывком источника.</translation>
    </message>
</context>
<context>
    <name>ExportActionsMixin</name>
    <message>
        <source>Export this event</source>
        <translation>Экспорт этого события</translation>
    </message>
    <message>
        <source>Exported to {file} ({summary})</source>
        <translation>Экспортировано в {file} ({summary})</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export the current view</source>
        <translation>Экспорт текущего вида</translation>
    </message>
    <message>
        <source> px</source>
        <translation> пикс.</translation>
    </message>
    <message>
        <source>1× (standard)</source>
        <translation>1× (обычное)</translation>
    </message>
    <message>
        <source>2× (high-DPI, sharper)</source>
        <translation>2× (высокое, чётче)</translation>
    </message>
    <message>
        <source>Include the map beside the timeline</source>
        <translation>Добавить карту рядом со шкалой</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Формат</translation>
    </message>
    <message>
        <source>Picture width</source>
        <translation>Ширина рисунка</translation>
    </message>
    <message>
        <source>PNG pixels</source>
        <translation>Пиксели PNG</translation>
    </message>
    <message>
        <source>PDF page (landscape)</source>
        <translation>Страница PDF (альбомная)</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Карта</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспортировать…</translation>
    </message>
    <message>
        <source>{format}: {width} × {height} pixels, showing the view as on screen with a title, the filters, a legend and the sources&apos; credits.</source>
        <translation>{format}: {width} × {height} пикселей — вид, как на экране, с заголовком, фильтрами, легендой и указанием источников.</translation>
    </message>
    <message>
        <source>{format}: the {count} events the current filters show; the preview shows the first {first}.</source>
        <translation>{format}: события, отобранные текущими фильтрами ({count}); в предпросмотре — первые {first}.</translation>
    </message>
    <message>
        <source>{format}: the {count} events the current filters show.</source>
        <translation>{format}: события, отобранные текущими фильтрами ({count}).</translation>
    </message>
    <message>
        <source>(no preview: {problem})</source>
        <translation>(предпросмотр недоступен: {problem})</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Экспортировать в</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Nothing was exported</source>
        <translation>Ничего не экспортировано</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <source>History</source>
        <extracomment>A search starts once typing pauses this long; a newer keystroke cancels a search still running.</extracomment>
        <translation>История</translation>
    </message>
    <message>
        <source>Film scenes</source>
        <translation>Фильм</translation>
    </message>
    <message>
        <source>Reception</source>
        <translation>Восприятие</translation>
    </message>
    <message>
        <source>Search titles, summaries and quotes</source>
        <translation>Поиск по событиям и цитатам</translation>
    </message>
    <message>
        <source>Only events the reviewers dispute</source>
        <translation>Только оспариваемые</translation>
    </message>
    <message>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Рецензент</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>Годы</translation>
    </message>
    <message>
        <source>Clear all filters</source>
        <translation>Сбросить все фильтры</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показывать</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>Темы</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Места</translation>
    </message>
    <message>
        <source>Any reviewer</source>
        <translation>Любой рецензент</translation>
    </message>
    <message>
        <source>Both reviewers</source>
        <translation>Оба рецензента</translation>
    </message>
    <message>
        <source>Only one reviewer</source>
        <translation>Только один рецензент</translation>
    </message>
    <message>
        <source>Only events the reviewers dispute ({count})</source>
        <translation>Только оспариваемые ({count})</translation>
    </message>
    <message numerus="yes">
        <source>Showing {shown} of %Ln events</source>
        <translation>
            <numerusform>Показано {shown} из %Ln события</numerusform>
            <numerusform>Показано {shown} из %Ln событий</numerusform>
            <numerusform>Показано {shown} из %Ln событий</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FocusOrder</name>
    <message>
        <source>&amp;Filters</source>
        <translation>&amp;Фильтры</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>&amp;Временная шкала</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>&amp;Карта</translation>
    </message>
    <message>
        <source>Event &amp;list</source>
        <translation>&amp;Список событий</translation>
    </message>
    <message>
        <source>&amp;Passages and reviews</source>
        <translation>&amp;Отрывки и рецензии</translation>
    </message>
    <message>
        <source>&amp;Go to</source>
        <translation>&amp;Перейти</translation>
    </message>
    <message>
        <source>&amp;Next region</source>
        <translation>&amp;Следующая область</translation>
    </message>
    <message>
        <source>P&amp;revious region</source>
        <translation>П&amp;редыдущая область</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Soviet history timeline</source>
        <translation>Временная шкала советской истории</translation>
    </message>
    <message>
        <source>Excerpts</source>
        <translation>Выдержки</translation>
    </message>
    <message>
        <source>What the reviewers made of it</source>
        <translation>Что сказали рецензенты</translation>
    </message>
    <message>
        <source>Read the reviews</source>
        <translation>Читать рецензии</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Показать в папке</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Open store…</source>
        <translation>&amp;Открыть хранилище…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Н&amp;едавние</translation>
    </message>
    <message>
        <source>&amp;Import events…</source>
        <translation>&amp;Импорт событий…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Найти…</translation>
    </message>
    <message>
        <source>Clear all &amp;filters</source>
        <translation>&amp;Сбросить все фильтры</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Приблизить</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>&amp;Отдалить</translation>
    </message>
    <message>
        <source>&amp;Home: the store&apos;s years</source>
        <translation>&amp;Домой: годы хранилища</translation>
    </message>
    <message>
        <source>Zoom to the &amp;selected event</source>
        <translation>Приблизить к &amp;выбранному событию</translation>
    </message>
    <message>
        <source>Pan &amp;back in time</source>
        <translation>Сдвиг &amp;назад во времени</translation>
    </message>
    <message>
        <source>Pan f&amp;orward in time</source>
        <translation>Сдвиг в&amp;перёд во времени</translation>
    </message>
    <message>
        <source>&amp;Next event</source>
        <translation>С&amp;ледующее событие</translation>
    </message>
    <message>
        <source>&amp;Previous event</source>
        <translation>П&amp;редыдущее событие</translation>
    </message>
    <message>
        <source>&amp;Group lanes by</source>
        <translation>&amp;Группировать дорожки</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Клавиатурные сокращения</translation>
    </message>
    <message>
        <source>Making a &amp;store of your own</source>
        <translation>Как создать &amp;своё хранилище</translation>
    </message>
    <message>
        <source>&amp;About timeline-app</source>
        <translation>&amp;О программе timeline-app</translation>
    </message>
    <message>
        <source>Cannot open this store</source>
        <translation>Не удаётся открыть это хранилище</translation>
    </message>
    <message>
        <source>{file}: cannot be read ({problem})</source>
        <translation>{file}: не удаётся прочитать ({problem})</translation>
    </message>
    <message>
        <source>Checking every event of this large store in the background…</source>
        <translation>Все события этого большого хранилища проверяются в фоне…</translation>
    </message>
    <message>
        <source>Open event store</source>
        <translation>Открыть хранилище событий</translation>
    </message>
    <message>
        <source>Event stores (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>Хранилища событий (*.db *.sqlite *.sqlite3);;Все файлы (*)</translation>
    </message>
    <message>
        <source>the saved view named what this store lacks, left out: {names}</source>
        <translation>в сохранённом виде было то, чего нет в этом хранилище, — пропущено: {names}</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Временная шкала</translation>
    </message>
    <message>
        <source>{title} — {file}</source>
        <translation>{title} — {file}</translation>
    </message>
</context>
<context>
    <name>MapPainter</name>
    <message>
        <source>Beyond the map:</source>
        <translation>За пределами карты:</translation>
    </message>
</context>
<context>
    <name>MapPane</name>
    <message>
        <source>● area: events in view  ■ a country  ○ none  ·  click: filter (Esc clears)  ·  Home: fit  ·  Natural Earth</source>
        <extracomment>Past this many events, the map&apos;s one-off sorting runs on a thread after the first frame.</extracomment>
        <translation>● площадь: события в виде  ■ страна  ○ нет событий  ·  щелчок: фильтр (Esc — сброс)  ·  Home: вписать  ·  Natural Earth</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Карта</translation>
    </message>
    <message>
        <source>{years}: {events} at {places}</source>
        <translation>{years}: {events} в {places}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln событие</numerusform>
            <numerusform>%Ln события</numerusform>
            <numerusform>%Ln событий</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln place(s)</source>
        <translation>
            <numerusform>%Ln месте</numerusform>
            <numerusform>%Ln местах</numerusform>
            <numerusform>%Ln местах</numerusform>
        </translation>
    </message>
    <message>
        <source>Counting the events at each place…</source>
        <translation>Подсчёт событий по местам…</translation>
    </message>
    <message>
        <source>Map, {caption}</source>
        <translation>Карта, {caption}</translation>
    </message>
    <message>
        <source>; most events: {places}</source>
        <translation>; больше всего событий: {places}</translation>
    </message>
    <message>
        <source>no events in view</source>
        <translation>в виде нет событий</translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s) in view</source>
        <translation>
            <numerusform>%Ln событие в виде</numerusform>
            <numerusform>%Ln события в виде</numerusform>
            <numerusform>%Ln событий в виде</numerusform>
        </translation>
    </message>
    <message>
        <source>beyond the map</source>
        <translation>за пределами карты</translation>
    </message>
</context>
<context>
    <name>MapPicture</name>
    <message>
        <source>the largest, {count} at {place}</source>
        <extracomment>The map&apos;s share of the timeline&apos;s width, and its least width and aspect (height over width).</extracomment>
        <translation>самый большой — {count} в месте «{place}»</translation>
    </message>
    <message>
        <source>none shown</source>
        <translation>ничего не показано</translation>
    </message>
    <message>
        <source>Map: area of a mark = events shown at the place ({largest}); ■ a whole country or bloc; ○ no events shown; colour: the theme most of them have</source>
        <translation>Карта: площадь знака — число показанных событий в месте ({largest}); ■ страна или блок целиком; ○ нет показанных событий; цвет — тема большинства из них</translation>
    </message>
</context>
<context>
    <name>ReviewReader</name>
    <message>
        <source>excerpt</source>
        <translation>выдержка</translation>
    </message>
    <message>
        <source>commentary</source>
        <translation>комментарий</translation>
    </message>
    <message>
        <source>claim</source>
        <translation>утверждение</translation>
    </message>
    <message>
        <source>Mark text no event uses</source>
        <extracomment>Each kind also has a type style, so colour is not the only thing that tells them apart.</extracomment>
        <translation>Отметить текст без событий</translation>
    </message>
    <message>
        <source>Find in this review</source>
        <translation>Найти в рецензии</translation>
    </message>
    <message>
        <source>◂ Previous</source>
        <translation>◂ Назад</translation>
    </message>
    <message>
        <source>Go to the previous passage the store uses</source>
        <translation>К предыдущему отрывку, который использует хранилище</translation>
    </message>
    <message>
        <source>Next ▸</source>
        <translation>Далее ▸</translation>
    </message>
    <message>
        <source>Go to the next passage the store uses</source>
        <translation>К следующему отрывку, который использует хранилище</translation>
    </message>
    <message>
        <source>Copy citation</source>
        <translation>Копировать цитату</translation>
    </message>
    <message>
        <source>Copy the selected text, or the current passage, with a Chicago-style citation (Ctrl+Shift+C)</source>
        <translation>Копировать выделенный текст или текущий отрывок со ссылкой в чикагском стиле (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>not used</source>
        <translation>не использовано</translation>
    </message>
    <message>
        <source>{percent}% of sentences used ({used} of {total})</source>
        <translation>Использовано {percent}% предложений ({used} из {total})</translation>
    </message>
    <message>
        <source>Select text or a passage first, then copy its citation.</source>
        <translation>Сначала выделите текст или отрывок, затем копируйте цитату.</translation>
    </message>
    <message>
        <source>Copied {words} with its citation</source>
        <translation>Скопировано: {words} — со ссылкой на источник</translation>
    </message>
</context>
<context>
    <name>SavedViewsDialog</name>
    <message>
        <source>Saved views</source>
        <translation>Сохранённые виды</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Открыть</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Переименовать…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>No views are saved yet: View &gt; Saved views &gt; Save this view (Ctrl+D).</source>
        <translation>Сохранённых видов пока нет: Вид &gt; Сохранённые виды &gt; Сохранить этот вид (Ctrl+D).</translation>
    </message>
    <message>
        <source>Rename view</source>
        <translation>Переименовать вид</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Новое имя:</translation>
    </message>
</context>
<context>
    <name>Snapshot</name>
    <message>
        <source>Themes: {names}</source>
        <translation>Темы: {names}</translation>
    </message>
    <message>
        <source>Places: {names}</source>
        <translation>Места: {names}</translation>
    </message>
    <message>
        <source>discussed by both reviewers</source>
        <translation>обсуждают оба рецензента</translation>
    </message>
    <message>
        <source>discussed by one reviewer only</source>
        <translation>обсуждает только один рецензент</translation>
    </message>
    <message>
        <source>discussed by {reviewer}</source>
        <translation>обсуждает {reviewer}</translation>
    </message>
    <message>
        <source>only disputed events</source>
        <translation>только оспариваемые события</translation>
    </message>
    <message>
        <source>Layers: {names}</source>
        <translation>Слои: {names}</translation>
    </message>
    <message>
        <source>matching &quot;{words}&quot;</source>
        <translation>по запросу «{words}»</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Все события</translation>
    </message>
    <message>
        <source>Filters: {filters}</source>
        <translation>Фильтры: {filters}</translation>
    </message>
    <message>
        <source>Sources: {citations} Titles and summaries are the project&apos;s own words; quotations are the reviewers&apos;.</source>
        <translation>Источники: {citations} Названия и описания написаны авторами проекта; цитаты принадлежат рецензентам.</translation>
    </message>
    <message>
        <source>◆ exact day   ◇ month or year only   ▬ period   ░ faded end: approximate, uncertain or open   ▨ hatched: disputed   ■ square, dotted lane: a scene of the film, not the record</source>
        <translation>◆ точный день   ◇ только месяц или год   ▬ период   ░ бледный конец: приблизительно, предположительно или открыто   ▨ штриховка: оспаривается   ■ квадрат, пунктирная дорожка: сцена фильма, не исторический факт</translation>
    </message>
</context>
<context>
    <name>StoreWatchMixin</name>
    <message>
        <source>{file} was changed by another program; the window now shows it as it is.</source>
        <translation>{file} изменён другой программой; окно теперь показывает его текущее содержимое.</translation>
    </message>
    <message numerus="yes">
        <source> (and %n more problem(s))</source>
        <translation>
            <numerusform> (и ещё %n проблема)</numerusform>
            <numerusform> (и ещё %n проблемы)</numerusform>
            <numerusform> (и ещё %n проблем)</numerusform>
        </translation>
    </message>
    <message>
        <source>{file}: is not a valid event store: {problem}{more}</source>
        <translation>{file}: не является корректным хранилищем событий: {problem}{more}</translation>
    </message>
    <message>
        <source>Cannot open this store</source>
        <translation>Не удаётся открыть это хранилище</translation>
    </message>
    <message>
        <source>The store&apos;s timeline index was out of date; the timeline now shows its tables as they are.</source>
        <translation>Индекс временной шкалы в хранилище устарел; шкала теперь показывает его таблицы как есть.</translation>
    </message>
</context>
<context>
    <name>TimelineKeys</name>
    <message>
        <source>Next event in the lane (timeline focused)</source>
        <translation>Следующее событие на дорожке (фокус на шкале)</translation>
    </message>
    <message>
        <source>Previous event in the lane</source>
        <translation>Предыдущее событие на дорожке</translation>
    </message>
    <message>
        <source>Nearest event in the lane below</source>
        <translation>Ближайшее событие на дорожке ниже</translation>
    </message>
    <message>
        <source>Nearest event in the lane above</source>
        <translation>Ближайшее событие на дорожке выше</translation>
    </message>
    <message>
        <source>Pan forward in time</source>
        <translation>Сдвиг вперёд во времени</translation>
    </message>
    <message>
        <source>Pan back in time</source>
        <translation>Сдвиг назад во времени</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Приблизить</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Отдалить</translation>
    </message>
    <message>
        <source>Zoom to the selected event</source>
        <translation>Приблизить к выбранному событию</translation>
    </message>
    <message>
        <source>Back to 1917–1991</source>
        <translation>Вернуться к 1917–1991</translation>
    </message>
    <message>
        <source>The event&apos;s menu (copy, show in review)</source>
        <translation>Меню события (копировать, показать в рецензии)</translation>
    </message>
    <message>
        <source>The event&apos;s menu</source>
        <translation>Меню события</translation>
    </message>
    <message>
        <source>Overview focused: move the shown years forward</source>
        <translation>Фокус на обзоре: сдвинуть показанные годы вперёд</translation>
    </message>
    <message>
        <source>Overview focused: move the shown years back</source>
        <translation>Фокус на обзоре: сдвинуть показанные годы назад</translation>
    </message>
    <message>
        <source>Overview focused: show fewer years</source>
        <translation>Фокус на обзоре: показать меньше лет</translation>
    </message>
    <message>
        <source>Overview focused: show more years</source>
        <translation>Фокус на обзоре: показать больше лет</translation>
    </message>
    <message>
        <source>Overview focused: back to 1917–1991</source>
        <translation>Фокус на обзоре: вернуться к 1917–1991</translation>
    </message>
</context>
<context>
    <name>TimelineSpeech</name>
    <message>
        <source>Places: {places}</source>
        <translation>Места: {places}</translation>
    </message>
    <message>
        <source>No place given</source>
        <translation>Место не указано</translation>
    </message>
    <message>
        <source>Disputed by the reviewers (drawn hatched)</source>
        <translation>Оспаривается рецензентами (нарисовано штриховкой)</translation>
    </message>
    <message>
        <source>A scene of the film, not the historical record (drawn as a square)</source>
        <translation>Сцена фильма, не исторический факт (нарисована квадратом)</translation>
    </message>
    <message>
        <source>The film&apos;s reception</source>
        <translation>Восприятие фильма</translation>
    </message>
    <message>
        <source>Lane: {lane}</source>
        <translation>Дорожка: {lane}</translation>
    </message>
    <message>
        <source>Timeline: {title}, {when}</source>
        <translation>Временная шкала: {title}, {when}</translation>
    </message>
    <message>
        <source>Left and right arrows: previous and next event in the lane; up and down: the nearest event in the lane above or below; Shift with arrows: pan; plus and minus: zoom; Enter: zoom to the event; Home: the whole span; the menu key: the event&apos;s menu.</source>
        <translation>Стрелки влево и вправо: предыдущее и следующее событие на дорожке; вверх и вниз: ближайшее событие на дорожке выше или ниже; Shift со стрелками: сдвиг; плюс и минус: масштаб; Enter: приблизить к событию; Home: весь период; клавиша меню: меню события.</translation>
    </message>
    <message>
        <source>Timeline, no event selected</source>
        <translation>Временная шкала, событие не выбрано</translation>
    </message>
    <message>
        <source>Events in lanes along the years; press an arrow key to go to the first event in view. </source>
        <translation>События на дорожках вдоль лет; нажмите клавишу со стрелкой, чтобы перейти к первому видимому событию. </translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>◆ exact day   ◇ month or year only   ▬ period   ░ faded: approximate or open   ▨ hatched: disputed   ■ square: film scene   ·   wheel: zoom   drag: pan   double-click: zoom to event   ·   keys: arrows go from event to event, Shift+arrows pan, + − zoom, Enter zooms to the event, Home</source>
        <translation>◆ точный день   ◇ только месяц или год   ▬ период   ░ бледный: приблизительно или открыто   ▨ штриховка: оспаривается   ■ квадрат: сцена фильма   ·   колесо: масштаб   перетаскивание: сдвиг   двойной щелчок: к событию   ·   клавиши: стрелки — от события к событию, Shift+стрелки — сдвиг, + − масштаб, Enter — к событию, Home</translation>
    </message>
    <message>
        <source>{shown} events shown.</source>
        <translation>Показано событий: {shown}.</translation>
    </message>
    <message>
        <source>no place given</source>
        <translation>место не указано</translation>
    </message>
    <message>
        <source>▣ a scene of the film, not the record</source>
        <translation>▣ сцена фильма, не исторический факт</translation>
    </message>
    <message>
        <source>the film&apos;s reception</source>
        <translation>восприятие фильма</translation>
    </message>
</context>
<context>
    <name>ViewActions</name>
    <message>
        <source>Fit to &amp;shown events</source>
        <extracomment>A view is remembered for Back once it has stayed this long (a pan or a typed search settles first).</extracomment>
        <translation>&amp;Вписать показанные события</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Назад</translation>
    </message>
    <message>
        <source>F&amp;orward</source>
        <translation>Вп&amp;ерёд</translation>
    </message>
    <message>
        <source>Saved &amp;views</source>
        <translation>Сохранённые &amp;виды</translation>
    </message>
    <message>
        <source>&amp;Save this view…</source>
        <translation>&amp;Сохранить этот вид…</translation>
    </message>
    <message>
        <source>&amp;Copy view as text</source>
        <translation>&amp;Копировать вид как текст</translation>
    </message>
    <message>
        <source>&amp;Paste view</source>
        <translation>Вст&amp;авить вид</translation>
    </message>
    <message>
        <source>No events are shown, so there is nothing to fit.</source>
        <translation>Ни одно событие не показано — вписывать нечего.</translation>
    </message>
    <message>
        <source>&amp;Manage saved views…</source>
        <translation>&amp;Управление сохранёнными видами…</translation>
    </message>
    <message>
        <source>Save this view</source>
        <translation>Сохранить этот вид</translation>
    </message>
    <message>
        <source>Name of the view:</source>
        <translation>Название вида:</translation>
    </message>
    <message>
        <source>Cannot save the view</source>
        <translation>Не удаётся сохранить вид</translation>
    </message>
    <message>
        <source>Replaced the saved view “{0}”.</source>
        <translation>Сохранённый вид «{0}» заменён.</translation>
    </message>
    <message>
        <source>Saved the view “{0}”.</source>
        <translation>Вид «{0}» сохранён.</translation>
    </message>
    <message>
        <source>Cannot open the view</source>
        <translation>Не удаётся открыть вид</translation>
    </message>
    <message>
        <source>The view names what this store lacks, left out: {0}</source>
        <translation>В виде есть то, чего нет в этом хранилище, — пропущено: {0}</translation>
    </message>
    <message>
        <source>Copied this view as text: paste it in a message; View &gt; Paste view shows it.</source>
        <translation>Вид скопирован как текст: вставьте его в сообщение; Вид &gt; Вставить вид покажет его.</translation>
    </message>
    <message>
        <source>Cannot paste a view: {0}</source>
        <translation>Не удаётся вставить вид: {0}</translation>
    </message>
</context>
<context>
    <name>WindowSettings</name>
    <message>
        <source>the saved setting &apos;{key}&apos; was damaged and is ignored</source>
        <translation>сохранённая настройка «{key}» повреждена и не учитывается</translation>
    </message>
    <message>
        <source>the saved view was damaged ({parts}); that part is left out</source>
        <translation>сохранённый вид повреждён ({parts}); эта часть пропущена</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>error: unexpected problem ({problem}); please report it</source>
        <translation>ошибка: непредвиденная проблема ({problem}); пожалуйста, сообщите о ней</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Что-то пошло не так</translation>
    </message>
    <message>
        <source>An unexpected problem occurred and that action was not completed:

{problem}

Your store was not changed. Please report this.</source>
        <translation>Возникла непредвиденная проблема, и действие не было выполнено:

{problem}

Ваше хранилище не изменилось. Пожалуйста, сообщите об этом.</translation>
    </message>
    <message>
        <source>error: {problem}</source>
        <translation>ошибка: {problem}</translation>
    </message>
    <message>
        <source>error: {store}: no event with id {event}</source>
        <translation>ошибка: {store}: нет события с идентификатором {event}</translation>
    </message>
    <message>
        <source>{file}: could not write the picture</source>
        <translation>{file}: не удалось записать рисунок</translation>
    </message>
    <message>
        <source>wrote {file} ({width}x{height})</source>
        <translation>записан {file} ({width}x{height})</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>error: {message}</source>
        <translation>ошибка: {message}</translation>
    </message>
    <message>
        <source>Usage:</source>
        <translation>Использование:</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Параметры</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Команды</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Аргументы</translation>
    </message>
    <message>
        <source>Show this message and exit.</source>
        <translation>Показать эту справку и выйти.</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>Показать версию и выйти.</translation>
    </message>
    <message>
        <source>the input nests too deeply to be read</source>
        <translation>входные данные вложены слишком глубоко, чтобы их прочитать</translation>
    </message>
    <message>
        <source>unexpected problem ({problem}); please report it</source>
        <translation>непредвиденная проблема ({problem}); пожалуйста, сообщите о ней</translation>
    </message>
    <message>
        <source>{value} is not a size like 1600x1000</source>
        <translation>{value} — не размер вида 1600x1000</translation>
    </message>
    <message>
        <source>{value} is outside 320x240 to 8000x8000</source>
        <translation>{value} вне пределов от 320x240 до 8000x8000</translation>
    </message>
    <message>
        <source>Open a saved view (View &gt; Saved views), or a view&apos;s copied text (tlview1:...).</source>
        <translation>Открыть сохранённый вид (Вид &gt; Сохранённые виды) или скопированный текст вида (tlview1:...).</translation>
    </message>
    <message>
        <source>With --screenshot: select this event first, so its passages show.</source>
        <translation>Вместе с --screenshot: сначала выбрать это событие, чтобы были видны его отрывки.</translation>
    </message>
    <message>
        <source>Window size for --screenshot, e.g. 1600x1000.</source>
        <translation>Размер окна для --screenshot, например 1600x1000.</translation>
    </message>
    <message>
        <source>Render the window offscreen, write it as a PNG and exit.</source>
        <translation>Отрисовать окно без экрана, записать его в PNG и выйти.</translation>
    </message>
    <message>
        <source>Language of the window and the messages (default: the system&apos;s).</source>
        <translation>Язык окна и сообщений (по умолчанию — язык системы).</translation>
    </message>
    <message>
        <source>--view: {problem}</source>
        <translation>--view: {problem}</translation>
    </message>
    <message>
        <source>no display found to open a window on; run it under a virtual display with &apos;xvfb-run ./run.sh&apos;, or render a picture with &apos;timeline-app --screenshot view.png&apos;</source>
        <translation>не найден дисплей, на котором можно открыть окно; запустите программу на виртуальном дисплее командой &apos;xvfb-run ./run.sh&apos; или отрисуйте рисунок командой &apos;timeline-app --screenshot view.png&apos;</translation>
    </message>
    <message>
        <source>
Build an event store from a reviewable source file (TOML).

    timeline-app build data/events.toml data/events.db

All or nothing: on any problem the old store is left as it was and every problem is listed.
</source>
        <translation>
Собрать хранилище событий из исходного файла для рецензирования (TOML).

    timeline-app build data/events.toml data/events.db

Всё или ничего: при любой проблеме старое хранилище остаётся как было, а все проблемы перечисляются.
</translation>
    </message>
    <message>
        <source>{events} events, {excerpts} excerpts, {commentary} commentary, {claims} claims</source>
        <translation>событий: {events}, выдержек: {excerpts}, комментариев: {commentary}, утверждений: {claims}</translation>
    </message>
    <message>
        <source>built {store}: {counts}</source>
        <translation>собрано {store}: {counts}</translation>
    </message>
    <message>
        <source>
Check a store against the contract and print a summary.

    timeline-app check data/events.db

Exits with status 1 and names every problem if the store breaks the contract.
</source>
        <translation>
Проверить хранилище на соответствие контракту и вывести сводку.

    timeline-app check data/events.db

Если хранилище нарушает контракт, завершается с кодом 1 и называет каждую проблему.
</translation>
    </message>
    <message>
        <source>no problems found</source>
        <translation>проблем не найдено</translation>
    </message>
    <message>
        <source>line {line}: </source>
        <translation>строка {line}: </translation>
    </message>
    <message>
        <source>error: {source}: {problem}; {store} left unchanged</source>
        <translation>ошибка: {source}: {problem}; {store} не изменено</translation>
    </message>
    <message>
        <source>note: {store}: {flag}</source>
        <translation>примечание: {store}: {flag}</translation>
    </message>
    <message>
        <source>
Add your own events from a CSV or JSON file to a store of your own.

    timeline-app import my-events.csv --into my-events.db

All or nothing: any bad row rejects the whole file, naming its line and field.
</source>
        <translation>
Добавить собственные события из файла CSV или JSON в собственное хранилище.

    timeline-app import my-events.csv --into my-events.db

Всё или ничего: любая ошибочная строка отвергает весь файл, с указанием строки и поля.
</translation>
    </message>
    <message>
        <source>The store to add to; created if it does not exist.</source>
        <translation>Хранилище, в которое добавлять; создаётся, если его нет.</translation>
    </message>
    <message>
        <source>Allow changing the shipped data/events.db.</source>
        <translation>Разрешить изменять поставляемый data/events.db.</translation>
    </message>
    <message>
        <source>File to write: .png, .svg, .pdf, .csv or .json.</source>
        <translation>Файл для записи: .png, .svg, .pdf, .csv или .json.</translation>
    </message>
    <message>
        <source>the shipped store</source>
        <translation>поставляемое хранилище</translation>
    </message>
    <message>
        <source>The store to export from.</source>
        <translation>Хранилище, из которого экспортировать.</translation>
    </message>
    <message>
        <source>Format, if not the file&apos;s suffix (timelinejs for TimelineJS 3).</source>
        <translation>Формат, если не по расширению файла (timelinejs для TimelineJS 3).</translation>
    </message>
    <message>
        <source>
Add timeline-app to your desktop&apos;s menu (a launcher entry and icons in ~/.local/share).

    timeline-app install-desktop

    timeline-app install-desktop --uninstall
</source>
        <translation>
Добавить timeline-app в меню рабочего стола (ярлык запуска и значки в ~/.local/share).

    timeline-app install-desktop

    timeline-app install-desktop --uninstall
</translation>
    </message>
    <message>
        <source>
Explore Soviet history, 1917-1991, on a zoomable timeline with its sources side by side.

With no command, opens the window on the shipped store (or a saved view on the store it was saved on):

    timeline-app
    timeline-app --view &quot;Novocherkassk 1962&quot;
</source>
        <translation>
Исследуйте советскую историю 1917–1991 годов на масштабируемой временной шкале, с источниками рядом.

Без команды открывает окно с поставляемым хранилищем (или сохранённый вид — с тем хранилищем, где он сохранён):

    timeline-app
    timeline-app --view &quot;Novocherkassk 1962&quot;
</translation>
    </message>
    <message>
        <source>
Open the window on another event store.

    timeline-app open my-events.db
    timeline-app open my-events.db --view &quot;Strikes&quot;
</source>
        <translation>
Открыть окно с другим хранилищем событий.

    timeline-app open my-events.db
    timeline-app open my-events.db --view &quot;Strikes&quot;
</translation>
    </message>
    <message>
        <source>
Export a view of the timeline as a picture or the filtered events as data, without a window.

    timeline-app export -o view.png --theme repression --from 1950 --to 1970
    timeline-app export -o novocherkassk.png --place Novocherkassk --fit
    timeline-app export -o monday.pdf --view &quot;Monday class&quot;

The picture is the one the window draws for the same filters, range and lanes.
</source>
        <translation>
Экспортировать вид временной шкалы как рисунок или отобранные события как данные, без окна.

    timeline-app export -o view.png --theme repression --from 1950 --to 1970
    timeline-app export -o novocherkassk.png --place Novocherkassk --fit
    timeline-app export -o monday.pdf --view &quot;Monday class&quot;

Рисунок тот же, что окно рисует при тех же фильтрах, диапазоне и дорожках.
</translation>
    </message>
    <message>
        <source>Only events at this place: its id, name or another name, in any case (repeatable).</source>
        <translation>Только события в этом месте: его идентификатор, название или другое имя, в любом регистре (можно повторять).</translation>
    </message>
    <message>
        <source>Only events with this theme: its id, name or another name, in any case (repeatable).</source>
        <translation>Только события с этой темой: её идентификатор, название или другое имя, в любом регистре (можно повторять).</translation>
    </message>
    <message>
        <source>any, both, only-one, or a source id such as doyle-2021.</source>
        <translation>any, both, only-one или идентификатор источника, например doyle-2021.</translation>
    </message>
    <message>
        <source>Only events the reviewers dispute.</source>
        <translation>Только события, которые рецензенты оспаривают.</translation>
    </message>
    <message>
        <source>Only events matching these words (full-text search).</source>
        <translation>Только события с этими словами (полнотекстовый поиск).</translation>
    </message>
    <message>
        <source>the store&apos;s home range</source>
        <translation>основной период хранилища</translation>
    </message>
    <message>
        <source>First year shown.</source>
        <translation>Первый показанный год.</translation>
    </message>
    <message>
        <source>Last year shown.</source>
        <translation>Последний показанный год.</translation>
    </message>
    <message>
        <source>Lanes of the timeline.</source>
        <translation>Дорожки временной шкалы.</translation>
    </message>
    <message>
        <source>Picture width in logical pixels.</source>
        <translation>Ширина рисунка в логических пикселях.</translation>
    </message>
    <message>
        <source>PNG pixels per logical pixel (2 for high-DPI).</source>
        <translation>Пикселей PNG на логический пиксель (2 для экранов высокой чёткости).</translation>
    </message>
    <message>
        <source>PDF page size (landscape).</source>
        <translation>Размер страницы PDF (альбомная).</translation>
    </message>
    <message>
        <source>Pictures: the map of the events shown beside the timeline.</source>
        <translation>Для рисунков: карта показанных событий рядом со шкалой.</translation>
    </message>
    <message>
        <source>Show the years of the events the filters show (View &gt; Fit to shown events).</source>
        <translation>Показать годы событий, отобранных фильтрами (Вид &gt; Вписать показанные события).</translation>
    </message>
    <message>
        <source>Start from a saved view (or a view&apos;s copied text); other options given change it.</source>
        <translation>Начать с сохранённого вида (или скопированного текста вида); другие указанные параметры его меняют.</translation>
    </message>
    <message>
        <source>{flag} {value} is not a year between 1 and 9999</source>
        <translation>{flag} {value} — не год от 1 до 9999</translation>
    </message>
    <message>
        <source>--to {to} must be after --from {start}</source>
        <translation>--to {to} должен быть позже --from {start}</translation>
    </message>
    <message>
        <source>--to {to} must be after --from {start} (the store&apos;s home range is {first} to {last})</source>
        <translation>--to {to} должен быть позже --from {start} (основной период хранилища — с {first} по {last})</translation>
    </message>
    <message>
        <source>{option} {value} is not in {store}; choose from {choices}</source>
        <translation>{option} {value} нет в {store}; выберите из: {choices}</translation>
    </message>
    <message>
        <source>wrote {file} ({format}: {summary})</source>
        <translation>записан {file} ({format}: {summary})</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>--place {value} is not in {store}; its places are: {names}</source>
        <translation>--place {value} нет в {store}; его места: {names}</translation>
    </message>
    <message>
        <source>--theme {value} is not in {store}; its themes are: {names}</source>
        <translation>--theme {value} нет в {store}; его темы: {names}</translation>
    </message>
    <message>
        <source>Remove the launcher entry and icons again.</source>
        <translation>Снова удалить ярлык запуска и значки.</translation>
    </message>
    <message>
        <source>removed {file}</source>
        <translation>удалён {file}</translation>
    </message>
    <message>
        <source>timeline-app is no longer in the desktop&apos;s menu</source>
        <translation>timeline-app больше нет в меню рабочего стола</translation>
    </message>
    <message>
        <source>nothing to remove</source>
        <translation>удалять нечего</translation>
    </message>
    <message>
        <source>wrote {file}</source>
        <translation>записан {file}</translation>
    </message>
    <message>
        <source>timeline-app is in the desktop&apos;s menu; it starts {command}</source>
        <translation>timeline-app добавлен в меню рабочего стола; запускается командой {command}</translation>
    </message>
</context>
<context>
    <name>cli_counts</name>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n проблема</numerusform>
            <numerusform>%n проблемы</numerusform>
            <numerusform>%n проблем</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>error: {source}: %n problem(s); {store} left unchanged</source>
        <translation>
            <numerusform>ошибка: {source}: %n проблема; {store} не изменено</numerusform>
            <numerusform>ошибка: {source}: %n проблемы; {store} не изменено</numerusform>
            <numerusform>ошибка: {source}: %n проблем; {store} не изменено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>note: {store}: %n passage(s) for a person to confirm</source>
        <translation>
            <numerusform>примечание: {store}: %n отрывок ждёт подтверждения человеком</numerusform>
            <numerusform>примечание: {store}: %n отрывка ждут подтверждения человеком</numerusform>
            <numerusform>примечание: {store}: %n отрывков ждут подтверждения человеком</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>added %n events to {store}</source>
        <translation>
            <numerusform>добавлено %n событие в {store}</numerusform>
            <numerusform>добавлено %n события в {store}</numerusform>
            <numerusform>добавлено %n событий в {store}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>Film scenes (not history)</source>
        <translation>Сцены фильма (не история)</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Рецензент</translation>
    </message>
    <message>
        <source>history</source>
        <translation>история</translation>
    </message>
    <message>
        <source>a scene of the film</source>
        <translation>сцена фильма</translation>
    </message>
    <message>
        <source>the film&apos;s making and reception</source>
        <translation>создание и восприятие фильма</translation>
    </message>
    <message>
        <source>film scenes</source>
        <translation>сцены фильма</translation>
    </message>
    <message>
        <source>the film&apos;s reception</source>
        <translation>восприятие фильма</translation>
    </message>
    <message>
        <source>a passage of the reviews states the date</source>
        <translation>дата указана в отрывке рецензий</translation>
    </message>
    <message>
        <source>the date comes from outside the reviews</source>
        <translation>дата взята не из рецензий</translation>
    </message>
    <message>
        <source>the film&apos;s plot dates it</source>
        <translation>дата следует из сюжета фильма</translation>
    </message>
    <message>
        <source>where the date comes from is not recorded</source>
        <translation>источник даты не указан</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>точно</translation>
    </message>
    <message>
        <source>approximate</source>
        <translation>приблизительно</translation>
    </message>
    <message>
        <source>disputed</source>
        <translation>оспаривается</translation>
    </message>
    <message>
        <source>CSV table of events</source>
        <translation>Таблица событий CSV</translation>
    </message>
    <message>
        <source>JSON with excerpts, commentary and claims</source>
        <translation>JSON с выдержками, комментариями и утверждениями</translation>
    </message>
    <message>
        <source>TimelineJS 3 JSON</source>
        <translation>JSON для TimelineJS 3</translation>
    </message>
    <message>
        <source>TimelineJS sheet (CSV)</source>
        <translation>Таблица TimelineJS (CSV)</translation>
    </message>
    <message>
        <source>Timeline (.timeline)</source>
        <translation>Timeline (.timeline)</translation>
    </message>
    <message>
        <source>this store follows contract version 1: it records no layers (history, film, reception), date bases, outside facts or voices, so these show as unknown</source>
        <translation>это хранилище следует контракту версии 1: в нём нет слоёв (история, фильм, восприятие), оснований дат, сведений извне и голосов, поэтому они показаны как неизвестные</translation>
    </message>
    <message>
        <source>retelling the film: {speaker}</source>
        <translation>пересказ фильма: {speaker}</translation>
    </message>
    <message>
        <source>retelling the film</source>
        <translation>пересказ фильма</translation>
    </message>
    <message>
        <source>quoting {speaker}</source>
        <translation>цитирует: {speaker}</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>кто-то другой</translation>
    </message>
    <message>
        <source>PNG picture</source>
        <translation>Рисунок PNG</translation>
    </message>
    <message>
        <source>SVG picture (vector)</source>
        <translation>Рисунок SVG (векторный)</translation>
    </message>
    <message>
        <source>PDF page (vector)</source>
        <translation>Страница PDF (векторная)</translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <source>Zoom about the pointer</source>
        <extracomment>What the mouse does that the keys listed above also do.</extracomment>
        <translation>Масштаб вокруг указателя</translation>
    </message>
    <message>
        <source>mouse wheel</source>
        <translation>колесо мыши</translation>
    </message>
    <message>
        <source>Zoom to an event</source>
        <translation>Приблизить к событию</translation>
    </message>
    <message>
        <source>double-click</source>
        <translation>двойной щелчок</translation>
    </message>
    <message>
        <source>A timeline of Soviet history, 1917–1991, built from the exact words of two reviews of the film &lt;i&gt;Dear Comrades!&lt;/i&gt; (dir. Andrei Konchalovsky, 2020):</source>
        <translation>Временная шкала советской истории 1917–1991 годов, построенная на точных словах двух рецензий на фильм &lt;i&gt;«Дорогие товарищи!»&lt;/i&gt; (реж. Андрей Кончаловский, 2020):</translation>
    </message>
    <message>
        <source>Titles and summaries are the project&apos;s own words; every quotation is the reviewers&apos;. Facts from outside the reviews carry their references.</source>
        <translation>Названия и описания написаны авторами проекта; все цитаты принадлежат рецензентам. У сведений не из рецензий указаны источники.</translation>
    </message>
    <message>
        <source>Licence: MIT. Built with Python, Qt {qt}, SQLite {sqlite} and {libraries}.</source>
        <translation>Лицензия: MIT. Сделано на Python, Qt {qt}, SQLite {sqlite} и {libraries}.</translation>
    </message>
    <message>
        <source>Map outlines: Natural Earth (public domain), naturalearthdata.com.</source>
        <translation>Контуры карты: Natural Earth (общественное достояние), naturalearthdata.com.</translation>
    </message>
    <message>
        <source>About timeline-app</source>
        <translation>О программе timeline-app</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Клавиатурные сокращения</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <source>Making a store of your own</source>
        <translation>Как создать своё хранилище</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>Import events</source>
        <translation>Импорт событий</translation>
    </message>
    <message>
        <source>Timelines (*.csv *.json *.timeline *.xml);;All files (*)</source>
        <translation>Временные шкалы (*.csv *.json *.timeline *.xml);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Add the events of {file} to which store?</source>
        <translation>В какое хранилище добавить события из {file}?</translation>
    </message>
    <message>
        <source>Into the open store, {file}</source>
        <translation>В открытое хранилище, {file}</translation>
    </message>
    <message>
        <source>Into another store…</source>
        <translation>В другое хранилище…</translation>
    </message>
    <message>
        <source>Store to add the events to (new or existing)</source>
        <translation>Хранилище для событий (новое или существующее)</translation>
    </message>
    <message>
        <source>Event stores (*.db)</source>
        <translation>Хранилища событий (*.db)</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>Ничего не импортировано</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Импорт завершён</translation>
    </message>
</context>
<context>
    <name>import_counts</name>
    <message numerus="yes">
        <source>{file} has %n problem(s); {store} is unchanged.</source>
        <translation>
            <numerusform>В {file} %n проблема; {store} не изменено.</numerusform>
            <numerusform>В {file} %n проблемы; {store} не изменено.</numerusform>
            <numerusform>В {file} %n проблем; {store} не изменено.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n events from {file} to {store}.</source>
        <translation>
            <numerusform>Добавлено %n событие из {file} в {store}.</numerusform>
            <numerusform>Добавлено %n события из {file} в {store}.</numerusform>
            <numerusform>Добавлено %n событий из {file} в {store}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>picture</name>
    <message>
        <source>{width}x{height} pixels</source>
        <translation>{width}x{height} пикселей</translation>
    </message>
    <message>
        <source>{width}x{height} (vector)</source>
        <translation>{width}x{height} (векторный)</translation>
    </message>
    <message>
        <source>one {page} landscape page</source>
        <translation>одна альбомная страница {page}</translation>
    </message>
</context>
<context>
    <name>snapshot_counts</name>
    <message numerus="yes">
        <source>{first} – {last} · lanes grouped by {grouping} · {shown} of %Ln events</source>
        <translation>
            <numerusform>{first} – {last} · дорожки по признаку «{grouping}» · {shown} из %Ln события</numerusform>
            <numerusform>{first} – {last} · дорожки по признаку «{grouping}» · {shown} из %Ln событий</numerusform>
            <numerusform>{first} – {last} · дорожки по признаку «{grouping}» · {shown} из %Ln событий</numerusform>
        </translation>
    </message>
</context>
</TS>
