# A later step fails: agents.csv has a bad row, so the plan step stops with
# wfm-plan's message and wfm-week's naming the step; the outputs of the steps
# before it (snapshot, service, backlog, requirements) are written and
# kept, no roster is written, and the report does not run.  Then the plan
# step alone, after the fix, goes on from those outputs.
. "$ROOT/tests/cli/week/common-week.sh"
make_folder d
cp d/agents.csv agents.good
sed -i '5s/,38,/,3x8,/' d/agents.csv
wfm-week --time-limit 1 d >out 2>err
echo "exit $?"
grep -v '^wfm-\(forecast\|staff\|report\): \(note\|warning\)' err
grep '^== ' out
ls d/out/2026-W48
md5sum d/out/2026-W48/requirements.csv > req.md5
cp agents.good d/agents.csv
wfm-week plan --time-limit 1 d >out2 2>err2
echo "plan alone: exit $?"
grep '^== ' out2
md5sum -c --quiet req.md5 && echo "requirements unchanged"
ls d/out/2026-W48
