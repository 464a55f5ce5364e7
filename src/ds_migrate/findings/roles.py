"""What an occurrence of a retired id does in the program: its role in the
project-wide decision (project/decide.py). Each rule says the role of its
findings (``Rule.role``); a finding may carry another when its rule knows
better at that spot (a compat value, a request in a test)."""

from __future__ import annotations

REQUEST, VALUE, COMPARISON, KEY, MEMBER, ALIAS = "request", "value", "comparison", "key", "member", "alias"
CAPABILITY, TEST, DOC, OTHER = "capability", "test", "doc", "other"
RECORDED, COMPAT, FOREIGN, DYNAMIC = "recorded", "compat", "foreign", "dynamic"
# a LiteLLM Router deployment's model_name: the name callers ask the Router
# for; it selects a deployment, and a V4 id beside it is where it now routes,
# never a sign of compat code (python/router_deployments.py)
ROUTE = "route"
GENERATED = "generated"  # a committed build copy (analyse/build_output.py)
# a request a test sends to DeepSeek itself (a live integration test): a request, not test data
LIVE_REQUEST = "live-request"
# a closed type or schema enum that lists the id: migrated by adding the V4 id
# beside it, which no value observes (languages/javascript_types.py)
EXTENDED = "extended"

# Roles of a finding the API refuses when it is sent: a request's model, or a
# value bound to a name that a request reads.
REFUSED = frozenset({REQUEST, VALUE})

# Where an occurrence may stand beside a current V4 id and so be compat code
# that already handles the retirement (python/check.py, analyse/sorting.py).
IN_COLLECTIONS = "collections"  # a collection or branch set that also holds a V4 id
IN_BRANCHES = "branches"  # a branch of an if/elif chain that handles V4 too
IN_TEXT = "text"  # a message or docstring that says what replaced the id
