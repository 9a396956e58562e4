"""Validate data/ alone: `python -m macros.data.validate [DATA_DIR]`. Exit 0 when valid, 1 with every problem listed."""

from __future__ import annotations

import sys
from pathlib import Path

from macros.data.loader import DataError, load_manual


def main(argv: list[str]) -> int:
    data_dir = Path(argv[0]) if argv else Path("data")
    try:
        manual = load_manual(data_dir, display_root=Path.cwd())
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    print(
        f"{data_dir}: valid ({len(manual.roster.members)} members, {len(manual.meetings.meetings)} meetings, "
        f"{len(manual.sources.sources)} sources)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
