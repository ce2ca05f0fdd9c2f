"""Extraction stages: quotes, dates and other facts read from article text."""
