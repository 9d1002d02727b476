"""Persons and ministries of one article."""
