"""Auditing the log: verify the chain, export, import."""
