from kamplan.cli import main

raise SystemExit(main())
