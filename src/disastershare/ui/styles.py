"""Style sheets and colours shared by several widgets, so a refusal looks the same wherever it is shown."""

from PySide6.QtGui import QColor

# Dark red on pale red: readable in light and dark themes, and not mistaken for the drill banner.
ERROR_MESSAGE = "QLabel { color: #8a1c1c; background: #fdecea; border: 1px solid #f5c2c0; padding: 4px 8px; }"
# Dark green on pale green: something was done (a file written, a partner added).
INFO_MESSAGE = "QLabel { color: #1b5e20; background: #e8f5e9; border: 1px solid #b9dfbb; padding: 4px 8px; }"
# A fingerprint to read aloud: large, fixed-width, on a quiet background.
FINGERPRINT = ("QLabel { font-family: 'DejaVu Sans Mono', 'Consolas', 'Menlo', monospace; font-size: 20px;"
               " font-weight: bold; letter-spacing: 1px; background: #f4f6f8; border: 1px solid #d0d7de;"
               " padding: 6px 10px; }")
HEADLINE = "QLabel { font-size: 17px; font-weight: bold; }"
SECTION = "QLabel { font-weight: bold; }"
# Explanations beside buttons: quieter than the controls, in whatever colour the theme gives hints.
HELP_TEXT = "QLabel { color: palette(placeholder-text); }"

# Table cells: dark text on pale fills, so highlighted rows stay readable under any palette.
CELL_TEXT = QColor("#202020")
REFUSED_FILL = QColor("#fdecea")
FORK_FILL = QColor("#ffe0b2")
APPLIED_FILL = QColor("#e8f5e9")
STALE_FILL = QColor("#fff3cd")
STALE_TEXT = QColor("#7a4f00")
# Partners' mirrored rows (read-only): dark blue-grey text on a pale blue-grey tint, shown in italics. The
# text keeps a contrast ratio above 7:1 on the tint (WCAG AA asks 4.5:1), unlike a disabled grey.
PARTNER_TEXT = QColor("#37474f")
PARTNER_FILL = QColor("#eceff4")
# Stock: red once expired (never available), amber while it expires within core.expiry.SOON_DAYS.
EXPIRED_FILL = QColor("#f4b4ae")
EXPIRING_FILL = QColor("#ffd98a")
