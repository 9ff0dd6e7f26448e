"""Qt table models over the workspace's records, and the proxy that filters and sorts them."""
