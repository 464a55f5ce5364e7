"""Stage 3: the project passes, pure over the facts the workers returned: the model
flow across modules (flow/) and the run's decision and plan (decide.py)."""
