"""Partners' mirrored rows: readable (WCAG contrast ratio of at least 4.5:1 on their own background), and still
clearly marked as read-only (their own tint and italics, a tooltip naming whose data it is)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPalette

from disastershare.ui.models.inventory_table_model import COL_LOCATION, COL_ON_HAND, COL_RESOURCE

from .conftest import add_partner_item

MIN_CONTRAST = 4.5  # WCAG 2 AA for normal text
_Role = Qt.ItemDataRole


def relative_luminance(color: QColor) -> float:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(color.redF()) + 0.7152 * linear(color.greenF()) + 0.0722 * linear(color.blueF())


def contrast_ratio(a: QColor, b: QColor) -> float:
    light, dark = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def as_color(value: object, fallback: QColor) -> QColor:
    """The colour as painted: a translucent one is laid over `fallback` (the view's base)."""
    color = value.color() if isinstance(value, QBrush) else QColor(value) if value is not None else QColor(fallback)
    alpha = color.alphaF()
    if alpha < 1.0:
        color = QColor.fromRgbF(*(alpha * c + (1 - alpha) * f for c, f in (
            (color.redF(), fallback.redF()), (color.greenF(), fallback.greenF()), (color.blueF(), fallback.blueF()))))
    return color


def test_contrast_is_worked_out_as_wcag_does():
    assert contrast_ratio(QColor("black"), QColor("white")) == 21.0
    assert round(contrast_ratio(QColor("#767676"), QColor("white")), 2) == 4.54  # the lightest AA grey on white


def test_partner_rows_are_readable_and_marked_read_only(qtbot, window, workspace):
    # Given our stock and a partner's mirrored row, shown together
    add_partner_item(workspace, "S-BLANKET", 50)
    tab = window.tab("inventoryTab")
    tab.set_show_partners(True)
    model, view = tab.model, tab.view
    partner_row = next(r for r in range(model.rowCount()) if not model.is_own(r))
    own_row = next(r for r in range(model.rowCount()) if model.is_own(r))
    palette = view.palette()
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    for column in (COL_RESOURCE, COL_ON_HAND, COL_LOCATION):
        index = model.index(partner_row, column)
        foreground = as_color(index.data(_Role.ForegroundRole), text)
        background = as_color(index.data(_Role.BackgroundRole), base)
        # Then the text is readable on the row's own background
        assert contrast_ratio(foreground, background) >= MIN_CONTRAST, (column, foreground.name(), background.name())
        # And the row looks different from ours: its own tint, in italics
        own_background = as_color(model.index(own_row, column).data(_Role.BackgroundRole), base)
        assert background.rgb() != own_background.rgb()
        assert index.data(_Role.FontRole).italic()
        assert model.index(own_row, column).data(_Role.FontRole) is None
    assert "Read-only: data of 東京都中央区" in model.index(partner_row, COL_RESOURCE).data(_Role.ToolTipRole)
    # And the painted row really has the tint and a dark text colour (what a person sees, not only the model)
    proxy_row = tab.proxy.mapFromSource(model.index(partner_row, COL_LOCATION)).row()
    view.scrollTo(tab.proxy.index(proxy_row, COL_LOCATION))
    qtbot.wait(20)
    image = view.viewport().grab().toImage()
    cell = view.visualRect(tab.proxy.index(proxy_row, COL_LOCATION))
    painted = image.pixelColor(cell.right() - 3, cell.center().y())
    assert painted.rgb() == as_color(model.index(partner_row, COL_LOCATION).data(_Role.BackgroundRole), base).rgb()
    darkest = min((image.pixelColor(x, y) for x in range(cell.left(), cell.right())
                   for y in range(cell.top(), cell.bottom())), key=relative_luminance)
    assert contrast_ratio(darkest, painted) >= MIN_CONTRAST
