"""'Report an error on this page', in the footer of every page: a pre-filled e-mail naming the page, its
language and the edition, to the address in mkdocs.yml (`extra.feedback_address`, FEEDBACK_ADDRESS). No
form and no third-party host: the reader's own mail program sends it. Left empty, the address is the
reader's to fill in.
"""

from __future__ import annotations

from pathlib import Path

from macros.data.loader import load_or_fail
from macros.words import reader_language, words_for


def configure_build(config, project_dir: Path) -> None:
    """The words the footer's link needs (overrides/partials/copyright.html fills in the page)."""
    words = words_for(reader_language(config))
    manual = load_or_fail(project_dir, words.language, words.untranslated)
    config.extra["feedback"] = {
        "label": words("Report an error on this page"),
        # TRANSLATORS: the subject of the e-mail; {title} is the page's title.
        "subject": words("Error on the page “{title}”"),
        # TRANSLATORS: the e-mail's text; the reader writes below it. Keep {page}, {language} and {edition}.
        "body": words(
            "Page: {page} ({language})\nEdition: {edition}\n\nWhat is wrong, and the source that shows it:\n",
            page="{page}",  # the page's address, which the template fills in
            language=words.language,
            edition=words.date(manual.data_as_of()),
        ),
    }
