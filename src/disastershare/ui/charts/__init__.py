"""pyqtgraph charts: shortfall bars, the map, stock over time. Drawing only: the values come from ui.analysis_data."""
