"""Segmenting an article: metadata, page furniture, sentences."""
