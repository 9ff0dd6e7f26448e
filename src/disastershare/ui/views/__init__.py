"""The tabs of the main window and the widgets they are built from."""
