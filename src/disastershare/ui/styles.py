"""Style sheets shared by several widgets, so a refusal looks the same wherever it is shown."""

# Dark red on pale red: readable in light and dark themes, and not mistaken for the drill banner.
ERROR_MESSAGE = "QLabel { color: #8a1c1c; background: #fdecea; border: 1px solid #f5c2c0; padding: 4px 8px; }"
