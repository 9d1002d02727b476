"""Writing tables: CSV, Parquet, JSONL, Excel-ready CSV, streaming."""
