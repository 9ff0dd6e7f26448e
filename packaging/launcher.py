"""Entry point of the frozen app: the same `main` as the `disastershare` console script."""

from disastershare.cli import main

raise SystemExit(main())
