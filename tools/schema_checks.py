"""Write the package's compiled JSON Schema checks (scoring/schemas/compiled.py).

    python tools/schema_checks.py            # write the file from the schemas
    python tools/schema_checks.py --check    # exit 1 when the file is not what it would write

Each check of ``scoring.schemas.CHECKS`` is generated as Python source from its schema
(``scoring.schemas.compiled_module``); kept in a module, it is compiled once, as Python keeps
any module, instead of at every start. Run it after changing a schema; the tests check that the
file is current.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scoring.schemas import compiled_module  # noqa: E402

TARGET = ROOT / "scoring" / "schemas" / "compiled.py"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if stale")
    args = parser.parse_args()
    text = compiled_module()
    if args.check:
        current = TARGET.read_text("utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET.relative_to(ROOT)} is stale: run python tools/schema_checks.py")
            return 1
        return 0
    TARGET.write_text(text, "utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
