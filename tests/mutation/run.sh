#!/usr/bin/env bash
# Mutation testing of the decision, the rules and the Python fix contexts (issue 23:
# tests that can fail). Never run by pytest; tests/README.md records the runs and the
# survivors judged.
#
#   tests/mutation/run.sh decide                 # every mutant of project/decide.py
#   tests/mutation/run.sh rules [MODULE.py ...]  # rules/ (all, or the modules named)
#   tests/mutation/run.sh contexts [MODULE.py ...]
#   tests/mutation/run.sh AREA --sample          # the fixed sample tests/README.md records
#   MUTANTS='ds_migrate.project.decide.x__decide_group*' tests/mutation/run.sh decide
#                                                # only the mutants named (mutmut globs)
#
# Each area runs in its own scratch copy of the tree ($DS_MIGRATE_MUTATION_DIR/AREA,
# default .mutation/AREA) with its own test selection, so a mutant of a rule runs the
# rule tests only, not the decision's slower ones. mutmut then runs, for each mutant,
# only the tests of that selection that reach the mutated function, with -x, one
# worker (--max-children 1: one core) and a CPU-time limit per mutant. Afterwards:
#   cd .mutation/AREA && ../../.venv/bin/mutmut results      # survivors, by name
#   cd .mutation/AREA && ../../.venv/bin/mutmut show NAME    # a mutant's diff
# Needs mutmut: pip install -e '.[mutation]'.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
mutmut=${MUTMUT:-$repo/.venv/bin/mutmut}
area=${1:?usage: tests/mutation/run.sh decide|rules|contexts [--sample | MODULE.py ...]}
shift

case $area in
decide)
    dir=src/ds_migrate/project
    modules=(decide.py)
    selection=(tests/test_decide.py tests/test_pattern_*.py)
    ;;
rules)
    dir=src/ds_migrate/rules
    selection=(tests/rules tests/test_rule_examples.py)
    ;;
contexts)
    dir=src/ds_migrate/python/contexts
    selection=(tests/contexts)
    ;;
*)
    echo "unknown area: $area (decide, rules or contexts)" >&2
    exit 2
    ;;
esac

if [[ ${1:-} == --sample ]]; then
    # the fixed sample: of the area's modules sorted by name (less __init__.py and
    # base.py, which hold no rule or context), five spread evenly: those at i * n / 5
    # (i = 0..4, rounded down) for n modules
    mapfile -t all < <(cd "$repo/$dir" && ls -1 -- *.py | grep -v -x -e __init__.py -e base.py | LC_ALL=C sort)
    modules=()
    for i in 0 1 2 3 4; do modules+=("${all[$((i * ${#all[@]} / 5))]}"); done
elif (($#)); then
    modules=("$@")
elif [[ $area != decide ]]; then
    mapfile -t modules < <(cd "$repo/$dir" && ls -1 -- *.py | LC_ALL=C sort)
fi

work=${DS_MIGRATE_MUTATION_DIR:-$repo/.mutation}/$area
rm -rf "$work"
mkdir -p "$work"
tar -C "$repo" --exclude=__pycache__ --exclude='*.egg-info' -cf - src tests examples pyproject.toml | tar -C "$work" -xf -

cd "$work"
# drop this script's own folder from the copy: it is no test
rm -rf tests/mutation
{
    echo "[mutmut]"
    echo "source_paths = src"
    echo "only_mutate ="
    for m in "${modules[@]}"; do echo "    $dir/$m"; done
    # examples/: a rule test reads a realistic agent loop from it
    echo "also_copy = examples"
    echo "pytest_add_cli_args ="
    echo "    -p"
    echo "    no:cacheprovider"
    echo "pytest_add_cli_args_test_selection ="
    for t in "${selection[@]}"; do echo "    $t"; done
    # a mutant gets (its tests' measured time + 1 s) x 3 x 2 CPU seconds, then is a timeout
    echo "timeout_multiplier = 3.0"
} >setup.cfg

echo "mutating, in $work: ${modules[*]/#/$dir/}"
echo "tests: ${selection[*]}"
read -r -a names <<<"${MUTANTS:-}"  # names or globs, split on spaces
"$mutmut" run --max-children 1 "${names[@]}"
"$mutmut" export-cicd-stats >/dev/null
echo
cat mutants/mutmut-cicd-stats.json
echo
"$mutmut" results
