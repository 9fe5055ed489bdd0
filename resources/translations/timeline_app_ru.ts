<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>CommentaryPane</name>
    <message>
        <source>the historical record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editor&apos;s note: {note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only {author} discusses this event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports the event without comment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{author} does not mention this event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rests on: {reference}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Makes no claim on this point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources disagree: {topic}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only {source} makes a claim: {topic}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What each reviewer made of the selected event appears here, side by side.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventMenu</name>
    <message>
        <source>Select</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom to this event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy title and date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy citation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export this event…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventTable</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Themes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Film scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reception</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExcerptPane</name>
    <message>
        <source>&lt;b&gt;▣ Not the historical record:&lt;/b&gt; {layer} as the reviews tell it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this store (contract version 1) does not record where dates come from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Date:&lt;/b&gt; {date} ({certainty}); {basis}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From outside the reviews:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unverified: this source was registered without its text, so the quotation could not be checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editor&apos;s note: {note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an event on the timeline or in the table to read the passages behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passages ({count})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportActionsMixin</name>
    <message>
        <source>Export this event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to {file} ({summary})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export the current view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1× (standard)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2× (high-DPI, sharper)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include the map beside the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF page (landscape)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{format}: {width} × {height} pixels, showing the view as on screen with a title, the filters, a legend and the sources&apos; credits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{format}: the {count} events the current filters show; the preview shows the first {first}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{format}: the {count} events the current filters show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no preview: {problem})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was exported</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Film scenes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search titles, summaries and quotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only events the reviewers dispute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear all filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Themes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both reviewers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only one reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only events the reviewers dispute ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Showing {shown} of %Ln events</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Soviet history timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excerpts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the reviewers made of it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import events…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear all &amp;filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;1917–1991</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Group lanes by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making a &amp;store of your own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About timeline-app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open this store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: cannot be read ({problem})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking every event of this large store in the background…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open event store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event stores (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the saved view named what this store lacks, left out: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} — {file}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapPainter</name>
    <message>
        <source>Beyond the map:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapPane</name>
    <message>
        <source>● area: events in view  ■ a country  ○ none  ·  click: filter (Esc clears)  ·  Home: fit  ·  Natural Earth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{years}: {events} at {places}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln place(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>no events in view</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s) in view</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>beyond the map</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapPicture</name>
    <message>
        <source>the largest, {count} at {place}</source>
        <extracomment>The map&apos;s share of the timeline&apos;s width, and its least width and aspect (height over width).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map: area of a mark = events shown at the place ({largest}); ■ a whole country or bloc; ○ no events shown; colour: the theme most of them have</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewReader</name>
    <message>
        <source>excerpt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>commentary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark text no event uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in this review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◂ Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the previous passage the store uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next ▸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the next passage the store uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy citation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected text, or the current passage, with a Chicago-style citation (Ctrl+Shift+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{percent}% of sentences used ({used} of {total})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select text or a passage first, then copy its citation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied {words} with its citation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Snapshot</name>
    <message>
        <source>Themes: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>discussed by both reviewers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>discussed by one reviewer only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>discussed by {reviewer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only disputed events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matching &quot;{words}&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters: {filters}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources: {citations} Titles and summaries are the project&apos;s own words; quotations are the reviewers&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◆ exact day   ◇ month or year only   ▬ period   ▨ hatched: disputed   ■ square, dotted lane: a scene of the film, not the record</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreWatchMixin</name>
    <message>
        <source>{file} was changed by another program; the window now shows it as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: is not a valid event store: {problem}{more}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open this store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store&apos;s timeline index was out of date; the timeline now shows its tables as they are.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>◆ exact day   ◇ month or year only   ▬ period   ▨ disputed   ■ film scene   ·   wheel: zoom   drag: pan   double-click: zoom to event   keys: + − ← → Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no place given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▣ a scene of the film, not the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the film&apos;s reception</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowSettings</name>
    <message>
        <source>the saved setting &apos;{key}&apos; was damaged and is ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the saved view was damaged ({parts}); that part is left out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>error: unexpected problem ({problem}); please report it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An unexpected problem occurred and that action was not completed:

{problem}

Your store was not changed. Please report this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: {store}: no event with id {event}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: could not write the picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrote {file} ({width}x{height})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>error: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this message and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the input nests too deeply to be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected problem ({problem}); please report it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is not a size like 1600x1000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is outside 320x240 to 8000x8000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --screenshot: select this event first, so its passages show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window size for --screenshot, e.g. 1600x1000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render the window offscreen, write it as a PNG and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Explore Soviet history, 1917-1991, on a zoomable timeline with its sources side by side.

With no command, opens the window on the shipped store:

    timeline-app
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the window and the messages (default: the system&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Open the window on another event store.

    timeline-app open my-events.db
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no display found to open a window on; run it under a virtual display with &apos;xvfb-run ./run.sh&apos;, or render a picture with &apos;timeline-app --screenshot view.png&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Build an event store from a reviewable source file (TOML).

    timeline-app build data/events.toml data/events.db

All or nothing: on any problem the old store is left as it was and every problem is listed.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{events} events, {excerpts} excerpts, {commentary} commentary, {claims} claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built {store}: {counts}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Check a store against the contract and print a summary.

    timeline-app check data/events.db

Exits with status 1 and names every problem if the store breaks the contract.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no problems found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: {source}: {problem}; {store} left unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note: {store}: {flag}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Add your own events from a CSV or JSON file to a store of your own.

    timeline-app import my-events.csv --into my-events.db

All or nothing: any bad row rejects the whole file, naming its line and field.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store to add to; created if it does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow changing the shipped data/events.db.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added %n events to {store}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Export a view of the timeline as a picture or the filtered events as data, without a window.

    timeline-app export -o view.png --theme repression --from 1950 --to 1970

The picture is the one the window draws for the same filters, range and lanes.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File to write: .png, .svg, .pdf, .csv or .json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the shipped store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store to export from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format, if not the file&apos;s suffix (timelinejs for TimelineJS 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only events at this place (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only events with this theme (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any, both, only-one, or a source id such as doyle-2021.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only events the reviewers dispute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only events matching these words (full-text search).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First year shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last year shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lanes of the timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture width in logical pixels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG pixels per logical pixel (2 for high-DPI).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF page size (landscape).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pictures: the map of the events shown beside the timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{flag} {value} is not a year between 1 and 9999</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--to {to} must be after --from {start}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{option} {value} is not in {store}; choose from {choices}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrote {file} ({format}: {summary})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Add timeline-app to your desktop&apos;s menu (a launcher entry and icons in ~/.local/share).

<byte value="x8"/>
    timeline-app install-desktop
    timeline-app install-desktop --uninstall
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the launcher entry and icons again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeline-app is no longer in the desktop&apos;s menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrote {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeline-app is in the desktop&apos;s menu; it starts {command}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a scene of the film</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the film&apos;s making and reception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>film scenes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the film&apos;s reception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a passage of the reviews states the date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the date comes from outside the reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the film&apos;s plot dates it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>where the date comes from is not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approximate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disputed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV table of events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON with excerpts, commentary and claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TimelineJS 3 JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this store follows contract version 1: it records no layers (history, film, reception), date bases, outside facts or voices, so these show as unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retelling the film: {speaker}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retelling the film</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quoting {speaker}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG picture (vector)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF page (vector)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dates</name>
    <message>
        <source>January</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>February</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>March</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>April</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>June</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>July</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>August</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>September</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>October</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>November</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>December</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>January</source>
        <comment>after a day number: 2 June 1962</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>February</source>
        <comment>after a day number: 2 June 1962</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>March</source>
        <comment>after a day number: 2 June 1962</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>April</source>
        <comment>after a day number: 2 June 1962</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May</source>
        <comment>after a day number: 2 June 1962</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>June</source>
        <comment>after a day number: 2 June 1962</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>July</source>
        <comment>after a day number: 2 June 1962</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>August</source>
        <comment>after a day number: 2 June 1962</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>September</source>
        <comment>after a day number: 2 June 1962</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>October</source>
        <comment>after a day number: 2 June 1962</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>November</source>
        <comment>after a day number: 2 June 1962</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>December</source>
        <comment>after a day number: 2 June 1962</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <source>Zoom in / out (timeline focused)</source>
        <extracomment>Keys that are not menu actions: the timeline&apos;s and the reader&apos;s own.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pan back / forward in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the store&apos;s whole span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom about the pointer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mouse wheel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom to an event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>double-click</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in the review (reader focused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the passage with its citation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A timeline of Soviet history, 1917–1991, built from the exact words of two reviews of the film &lt;i&gt;Dear Comrades!&lt;/i&gt; (dir. Andrei Konchalovsky, 2020):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Titles and summaries are the project&apos;s own words; every quotation is the reviewers&apos;. Facts from outside the reviews carry their references.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence: MIT. Built with Python, Qt {qt}, SQLite {sqlite} and {libraries}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map outlines: Natural Earth (public domain), naturalearthdata.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About timeline-app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making a store of your own</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>Import events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events (*.csv *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the events of {file} to which store?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Into the open store, {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Into another store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store to add the events to (new or existing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event stores (*.db)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %n events from {file} to {store}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>picture</name>
    <message>
        <source>{width}x{height} pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{width}x{height} (vector)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one {page} landscape page</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
