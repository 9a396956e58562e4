"""The data layer: the schema of data/, loading with file-and-line errors, country tables, the domain
(`Manual`), and the cache that keeps results between builds. It imports nothing from the layers above."""
