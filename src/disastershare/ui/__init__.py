"""The desktop window (PySide6). Talks to the workspace and its repositories only; no SQL here."""
