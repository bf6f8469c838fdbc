# --write-lp into a folder that does not exist: exit 73 before solving, and
# neither the model nor the roster is written.
wfm-plan -q --agents "$FIX/plan-agents-2.csv" --from 2026-11-23 --to 2026-11-23 \
	--write-lp missing/model.lp -o roster.csv "$FIX/plan-req-1.csv"
rc=$?
test -e roster.csv && echo "roster written"
test -e missing && echo "folder made"
exit $rc
