from eternaut_reader.cli import main

raise SystemExit(main())
