"""Application services: where the pure layers meet the log."""
