"""What the tool knows about DeepSeek's API and its clients: the retired ids and
their successors (names, mapping), hosts, and the toggle's form per client version
(forms, pins)."""
