"""The data layer: the schema of data/, loading with file-and-line errors, country tables and the domain
(`Manual`). It imports nothing from the layers above."""
