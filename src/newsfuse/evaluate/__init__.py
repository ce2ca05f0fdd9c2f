"""Scorers for newsfuse stages against public evaluation data."""
