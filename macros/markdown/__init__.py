"""The Markdown layer: text helpers and the renderers the pages' macros call, pure functions of the data."""
