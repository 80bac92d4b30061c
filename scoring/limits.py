"""Every bound on the work one input can cause, in one place: sizes, counts and depths that no
real 自评表, rule set or report comes near, and beyond which a file is refused (exit 2, naming the
limit) instead of hanging the run or exhausting memory.

The numbers are listed with the message a user sees in ``docs/limits.md``; a test checks that
page against this module. Each is a plain constant so that an embedding program may read it;
none is a setting (a limit a user could raise is no limit).
"""

from __future__ import annotations

# --- files ----------------------------------------------------------------------------------
# A text file (TOML, JSON, a written report) is read to at most this many bytes + 1: one more
# byte means the file is too large, whatever stat() says (a FIFO or /dev/zero reports 0).
MAX_FILE_BYTES = 64 * 1024 * 1024

# --- errors ---------------------------------------------------------------------------------
# At most this many problems are listed for one file; the rest are counted ("… and 9,950 more").
MAX_PROBLEMS = 50
# A value quoted in a message is cut to this many characters, with "…" after it.
MAX_QUOTED = 60

# --- structures -----------------------------------------------------------------------------
# Lists and tables inside one another in an evaluation given to the API or read from JSON; the
# form itself is four deep (department → projects → indicators → a target table).
MAX_DEPTH = 32
# Rule sets in one ``extends`` chain; the built-in chains are at most three long.
MAX_EXTENDS = 16
# Digits in one number of an evaluation or a rule set. Money is filed to the fen (15
# significant digits is Excel's precision); 40 digits leaves room for any real figure.
MAX_DIGITS = 40
