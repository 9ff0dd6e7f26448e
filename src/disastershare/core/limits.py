"""Limits on text shared by every door data comes in by: sheet import, edits, catalog, snapshots.

One number per limit, so what my partners accept in my snapshot is exactly what my own import and edits
accept: a note that grows past it on my side would otherwise make every partner refuse my snapshots.
"""

MAX_TEXT_CHARS = 4000  # one text value (note, location) in a record or a snapshot
MAX_NAME_CHARS = 200  # a resource name or a remembered sheet name
