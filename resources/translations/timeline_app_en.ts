<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>FilterPanel</name>
    <message numerus="yes">
        <source>Showing {shown} of %Ln events</source>
        <translation>
            <numerusform>Showing {shown} of %Ln event</numerusform>
            <numerusform>Showing {shown} of %Ln events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MapPane</name>
    <message numerus="yes">
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln event</numerusform>
            <numerusform>%Ln events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln place(s)</source>
        <translation>
            <numerusform>%Ln place</numerusform>
            <numerusform>%Ln places</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s) in view</source>
        <translation>
            <numerusform>%Ln event in view</numerusform>
            <numerusform>%Ln events in view</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StoreWatchMixin</name>
    <message numerus="yes">
        <source> (and %n more problem(s))</source>
        <translation>
            <numerusform> (and %n more problem)</numerusform>
            <numerusform> (and %n more problems)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cli_counts</name>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>error: {source}: %n problem(s); {store} left unchanged</source>
        <translation>
            <numerusform>error: {source}: %n problem; {store} left unchanged</numerusform>
            <numerusform>error: {source}: %n problems; {store} left unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>note: {store}: %n passage(s) for a person to confirm</source>
        <translation>
            <numerusform>note: {store}: %n passage for a person to confirm</numerusform>
            <numerusform>note: {store}: %n passages for a person to confirm</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>added %n events to {store}</source>
        <translation>
            <numerusform>added %n event to {store}</numerusform>
            <numerusform>added %n events to {store}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>import_counts</name>
    <message numerus="yes">
        <source>{file} has %n problem(s); {store} is unchanged.</source>
        <translation>
            <numerusform>{file} has %n problem; {store} is unchanged.</numerusform>
            <numerusform>{file} has %n problems; {store} is unchanged.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n events from {file} to {store}.</source>
        <translation>
            <numerusform>Added %n event from {file} to {store}.</numerusform>
            <numerusform>Added %n events from {file} to {store}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>snapshot_counts</name>
    <message numerus="yes">
        <source>{first} – {last} · lanes grouped by {grouping} · {shown} of %Ln events</source>
        <translation>
            <numerusform>{first} – {last} · lanes grouped by {grouping} · {shown} of %Ln event</numerusform>
            <numerusform>{first} – {last} · lanes grouped by {grouping} · {shown} of %Ln events</numerusform>
        </translation>
    </message>
</context>
</TS>
