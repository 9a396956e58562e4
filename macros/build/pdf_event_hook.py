"""The module mkdocs-to-pdf takes its PDF event hooks from, by the name `pdf_event_hook` (hooks.py registers
it under that name). The plugin reloads it at the start of every build, so it holds no state: the hooks
themselves, and what they keep between events, are in pdf.py.
"""

from __future__ import annotations

from macros.build.pdf import inject_link, pre_pdf_render

__all__ = ["inject_link", "pre_pdf_render"]
