"""Reference data and rules every layer may read: countries and their names, office
holders, and when two written names are one person."""
