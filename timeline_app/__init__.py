"""timeline-app: a desktop timeline explorer for Soviet history, 1917-1991."""

__version__ = "0.2.0"
