"""``python -m tests.producers build``: rebuild the producer fixtures in tests/data/producers/ (see README.md)."""

from .build import main

raise SystemExit(main())
