"""newsfuse: cited multi-source news stories."""
