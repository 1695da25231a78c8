"""Stage 1: a corpus folder -> statements, mentions and claims."""
