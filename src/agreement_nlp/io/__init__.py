"""Reading article dumps and writing tables."""
