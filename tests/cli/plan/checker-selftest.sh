# The independent checker of plans (tests/plancheck.py) passes a hand-made
# correct plan and flags each of its corrupted copies with the right rule.
bash "$ROOT/tests/plancheck_selftest.sh" | tail -n 1
