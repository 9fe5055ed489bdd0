"""Filters the person asks for, applied to the explorer state; on a large store the search runs off the GUI thread.

Every edit of the search box supersedes the one before: the older search is cancelled,
and an answer that still arrives for it is dropped (its ticket is no longer current),
so the table never shows the hits of text the person has already changed. Other filter
edits made while a search runs wait for it and are applied together with its answer.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from timeline_app.gui.background_jobs import BackgroundJobs
from timeline_app.model.explorer_state import ExplorerState, FilterChanged, Notice, SearchHits
from timeline_app.model.filters import FilterState
from timeline_app.model.latest import Latest, Ticket
from timeline_app.store.search import search_words

#: Above this many events a search runs in a worker thread; smaller stores answer at once.
BACKGROUND_ABOVE = 20_000


class FilterRequests(QObject):
    """Applies each requested :class:`FilterState` to ``state``, searching in ``jobs`` when that is slow."""

    def __init__(self, state: ExplorerState, jobs: BackgroundJobs, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state, self.jobs = state, jobs
        self.background_above = BACKGROUND_ABOVE
        self.wanted: FilterState | None = None  # the newest request, until it is applied
        self._searches, self._prepares, self._counts = Latest(), Latest(), Latest()
        self._searching = ""  # the text the current search job looks for
        self._applying = False
        self._preparing = False  # holding the jobs while searching is prepared
        state.subscribe(self._on_notice)

    def request(self, wanted: FilterState) -> None:
        """Show ``wanted``: at once, or when the search it needs has answered."""
        if not self._needs_worker(wanted):
            self.forget()
            self._apply(wanted)
            return
        self.wanted = wanted
        if self._searches.pending() and self._searching == wanted.search:
            return  # its answer is on the way and will bring this filter with it
        self._searching = wanted.search
        ticket = self._searches.start()
        catalog, text = self.state.catalog, wanted.search
        self.jobs.run(ticket, lambda cancelled: SearchHits(text, catalog.search_mask(text, cancelled, True)),
                      lambda found: self._answered(ticket, found), lambda _error: self._failed(ticket),
                      trim=False)  # kept for the next search: given back, the next click faulted it in again

    def clear(self) -> None:
        """Show every event: no search, no facet (a search still running is dropped)."""
        self.request(FilterState())

    def _apply(self, wanted: FilterState, found: SearchHits | None = None) -> None:
        self._applying = True
        try:
            self.state.set_filter(wanted, found)
        finally:
            self._applying = False

    def _on_notice(self, notice: Notice) -> None:
        if isinstance(notice, FilterChanged) and not self._applying and self.wanted is not None:
            # Another view (the map) changed a facet while a search runs: its answer keeps that change.
            self.wanted = notice.filter.with_(search=self.wanted.search)

    def pending(self) -> bool:
        """Whether a search is running for the newest request."""
        return self._searches.pending()

    def shown_search(self) -> str:
        """The search text the box should show: the one being searched, else the state's."""
        return self.wanted.search if self.wanted is not None else self.state.filter.search

    def count(self, on_counted: Callable[[dict[str, dict[str, int]]], None]) -> None:
        """Compute the facet counts of the state as it is now; on a large store in a worker.

        ``on_counted(counts)`` runs on the GUI thread, unless newer counts were asked for meanwhile.
        """
        counter = self.state.facet_counter()
        if len(self.state.catalog) <= self.background_above:
            self._counts.cancel()
            on_counted(counter())
            return
        ticket = self._counts.start()

        def counted(counts: dict[str, dict[str, int]]) -> None:
            if self._counts.is_current(ticket):
                self._counts.cancel()
                on_counted(counts)

        self.jobs.run(ticket, lambda _cancelled: counter(), counted)

    def counting(self) -> bool:
        """Whether facet counts are still being computed in a worker."""
        return self._counts.pending()

    def store_shown(self) -> None:
        """Another store is shown: drop any search, and on a large store get filtering and searching
        ready in a worker (once the jobs' holds allow: a search typed meanwhile reads what it needs itself)."""
        self.forget()
        self._prepares.cancel()
        self._end_preparing()
        if len(self.state.catalog) > self.background_above:
            self.jobs.after_hold(lambda catalog=self.state.catalog: self._prepare_search(catalog))

    def _prepare_search(self, catalog) -> None:
        if catalog is not self.state.catalog:
            return  # another store came meanwhile
        # Other preparations (the table's sorts) wait for this one: one at a time, their memory
        # peaks do not add up, and a core stays free for the window.
        self.jobs.hold()
        self._preparing = True
        self.jobs.run(self._prepares.start(), lambda cancelled: (catalog.prepare_filters(cancelled),
                                                                 catalog.prepare_search(cancelled)),
                      lambda _result: self._end_preparing(), lambda _error: self._end_preparing(), trim=True,
                      ahead=True)

    def _end_preparing(self) -> None:
        if self._preparing:
            self._preparing = False
            self.jobs.release()

    def forget(self) -> None:
        """Drop any running search (another store is shown, or a request that needs none came)."""
        self._searches.cancel()
        self.wanted = None

    def _needs_worker(self, wanted: FilterState) -> bool:
        return (len(self.state.catalog) > self.background_above and wanted.search != self.state.filter.search
                and bool(search_words(wanted.search)))

    def _answered(self, ticket: Ticket, found: SearchHits) -> None:
        if not self._searches.is_current(ticket) or self.wanted is None or self.wanted.search != found.text:
            return  # a newer keystroke superseded this search
        wanted = self.wanted
        self.forget()
        self._apply(wanted, found)

    def _failed(self, ticket: Ticket) -> None:
        if self._searches.is_current(ticket) and self.wanted is not None:
            wanted = self.wanted
            self.forget()
            self._apply(wanted)  # the same search on the GUI thread: its answer, or its error
