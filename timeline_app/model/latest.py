"""Only the newest request counts: tickets that let a newer keystroke or click stop an older job. No Qt.

Work that runs off the window's thread (a search, a sort) takes a :class:`Ticket` from
:class:`Latest`. Starting a newer job cancels the older ticket, so the older job stops at
its next check, and whatever it still delivers is dropped because its ticket is no longer
current: a stale answer never overwrites a newer one.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Ticket:
    """One request: its place in the sequence, and a flag a newer request raises to stop it."""

    generation: int
    stop: threading.Event = field(default_factory=threading.Event, compare=False)

    def cancelled(self) -> bool:
        """Whether a newer request (or closing) made this one pointless."""
        return self.stop.is_set()


class Latest:
    """Hands out tickets in sequence; only the last one handed out is current."""

    def __init__(self) -> None:
        self._current = Ticket(0)
        self._current.stop.set()

    def start(self) -> Ticket:
        """A ticket for a new request; the previous one is cancelled."""
        self._current.stop.set()
        self._current = Ticket(self._current.generation + 1)
        return self._current

    def is_current(self, ticket: Ticket) -> bool:
        """Whether ``ticket`` is the newest request and was not cancelled."""
        return ticket is self._current and not ticket.cancelled()

    def cancel(self) -> None:
        """Cancel the current request, if any (a new store, the window closing)."""
        self._current.stop.set()

    def pending(self) -> bool:
        """Whether the newest request is still wanted."""
        return not self._current.cancelled()
