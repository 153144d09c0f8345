"""`python -m desktop` is the same as the `duban` command."""

from desktop.cli import main

raise SystemExit(main())
