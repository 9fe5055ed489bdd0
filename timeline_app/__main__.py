"""Allow ``python -m timeline_app``."""

from timeline_app.launch import main

main()
