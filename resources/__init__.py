"""Data files shipped with CommDesk: fonts, translations, icons (read with importlib.resources)."""
