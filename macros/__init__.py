"""Data loading, validation and rendering for the R2P Focal Points Manual (see README.md)."""

from macros.env import define_env

__all__ = ["define_env"]
