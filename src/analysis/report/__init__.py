"""Stage 3: tables -> notebooks, HTML pages and the index."""
