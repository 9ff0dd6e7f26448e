from disastershare.cli import main

raise SystemExit(main())
