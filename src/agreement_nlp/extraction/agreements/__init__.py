"""Agreements of one article."""
