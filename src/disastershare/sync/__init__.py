"""Partner sync: signing keys, snapshot files, verification, import and export."""
