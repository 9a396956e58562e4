"""The catalogue template, `locales/messages.pot`: every message of the code, for translators' tools.

`make messages` writes it again after the English in the code changed (`python -m macros.words.catalogue`),
and merges it into each language's catalogue: a new message appears there untranslated, a changed one
too (no fuzzy guesses), and one the code no longer has is dropped. A test fails while the template is out
of date, so a new sentence cannot reach the site without reaching translators.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from macros.words import CATALOGUE_TEMPLATE, LOCALES_DIR

PACKAGE_DIR = Path(__file__).resolve().parents[1]
# How the code marks a message: words("…"), words.plural("…", "…", n), N_("…") where it is defined.
KEYWORDS = {"words": None, "plural": (1, 2), "N_": None}


def extracted() -> Catalog:
    catalogue = Catalog(project="R2P Focal Points Manual", fuzzy=False)
    for filename, line, message, comments, context in extract_from_dir(
        PACKAGE_DIR, method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
    ):
        catalogue.add(message, locations=[(f"macros/{filename}", line)], auto_comments=comments, context=context)
    return catalogue


def template_text(catalogue: Catalog) -> str:
    """The .pot file, with nothing in it that changes from run to run or with unrelated edits (no creation
    date, no line numbers)."""
    output = io.BytesIO()
    write_po(output, catalogue, omit_header=True, sort_output=True, include_lineno=False, width=100)
    return output.getvalue().decode("utf-8")


def updated_text(po_file: Path, template: Catalog) -> str:
    """`po_file` merged with `template`, its header kept as the translators wrote it (Babel's would add
    the date of the run) and its messages in the template's order."""
    text = po_file.read_text(encoding="utf-8")
    header = text.split("\n\n", 1)[0]
    with po_file.open("rb") as po:
        catalogue = read_po(po)
    catalogue.update(template, no_fuzzy_matching=True)
    output = io.BytesIO()
    write_po(
        output, catalogue, omit_header=True, sort_output=True, include_lineno=False, ignore_obsolete=True, width=100
    )
    return header + "\n\n" + output.getvalue().decode("utf-8")


def main() -> int:
    template = extracted()
    CATALOGUE_TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    CATALOGUE_TEMPLATE.write_text(template_text(template), encoding="utf-8")
    print(f"{CATALOGUE_TEMPLATE.relative_to(PACKAGE_DIR.parent)}: {len(template)} messages")
    for po_file in sorted(LOCALES_DIR.glob("*/LC_MESSAGES/messages.po")):
        po_file.write_text(updated_text(po_file, template), encoding="utf-8")
        print(f"{po_file.relative_to(PACKAGE_DIR.parent)}: merged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
