"""Reference data and rules every layer may read: countries and their names, how names
are spelt in the two languages, office holders, and when two written names are one
person."""
