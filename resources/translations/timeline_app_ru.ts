<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
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
</TS>
