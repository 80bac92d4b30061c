"""scoring-plugin-example: an example plugin for ``scoring``.

It adds, through the entry point ``hunan`` in the group ``scoring``:

- the scoring method ``hunan-steps`` (:mod:`.methods`): points off per percentage point missed;
- the rule set ``hunan-steps`` (``rules/hunan-steps.toml``), mof-2020 with that method;
- a reader for ``.csv`` files (:mod:`.csv_reader`), the indicator table one row per indicator;
- the output format ``hunan-summary`` (:mod:`.renderer`), a short plain-text summary.

Importing this package imports nothing else; the hooks in :mod:`.plugin` import the code they
register when ``scoring`` first asks for it.
"""

__version__ = "0.1.0"
