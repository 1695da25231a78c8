"""Stage 2: claims -> evolution and findings (pure table -> table)."""
