"""The extraction stages: dates, persons and ministries, agreements."""
