"""Reports and sheet exports: PDF, XLSX and CSV builders."""
