# The whole cycle on the sample, twice.  The first run ingests the exports
# (moved to done/), saves the snapshot of 2026-W48, the service and backlog of
# the week 2026-11-16..20, the requirements from that backlog, the plan and
# the report with the accuracy of the shipped snapshot of 2026-11-16.  The
# second run must change nothing but the plan (the solver stops at its time
# limit, so the roster may differ): the history is not ingested twice, the
# snapshot is not rewritten (same inode and time), and every other output
# has the same bytes.
. "$ROOT/tests/cli/week/common-week.sh"
make_folder d
wc -l < d/history.csv
wfm-week --time-limit 2 d >run1.out 2>run1.err || { echo "run 1: exit $?"; cat run1.err; }
cat run1.out
echo "-- after the first run"
wc -l < d/history.csv
(cd d && find . -type f | grep -v '^./out/2026-W48/report/' | sort)
ls d/out/2026-W48/report
# the accuracy of the shipped snapshot: the same figures wfm-report gives alone
grep ',1700,phone,' d/out/2026-W48/report/accuracy.csv
wfm-report accuracy --closed d/closed.csv --history d/history.csv \
	d/snapshots/forecast-2026-11-16.csv 2>/dev/null | cmp - d/out/2026-W48/report/accuracy.csv &&
	echo "accuracy as wfm-report accuracy gives it"
# the requirements start from the backlog the service step wrote
cat d/out/2026-W48/backlog.csv
grep -c 'backlog of 2026-11-21' run1.err
snap_id() { stat -c '%i %Y' d/snapshots/forecast-2026-11-23.csv; }
id1=$(snap_id)
same="history.csv snapshots/forecast-2026-11-23.csv snapshots/forecast-2026-11-16.csv
	out/2026-W48/expected.csv out/2026-W48/service.csv out/2026-W48/backlog.csv
	out/2026-W48/requirements.csv out/2026-W48/fte-day.csv"
for t in accuracy accuracy-day accuracy-week accuracy-month accuracy-time accuracy-total \
	estimates service service-day deferred-day backlog capacity-day capacity-week \
	quiet-days cost; do
	same="$same out/2026-W48/report/$t.csv"
done
mkdir first
for f in $same; do mkdir -p "first/$(dirname "$f")"; cp "d/$f" "first/$f"; done
sleep 1
wfm-week --time-limit 2 d >run2.out 2>run2.err || { echo "run 2: exit $?"; cat run2.err; }
echo "-- the second run"
cat run2.out
n=0
for f in $same; do cmp -s "d/$f" "first/$f" && n=$((n + 1)) || echo "changed: $f"; done
echo "$n files unchanged"
[ "$(snap_id)" = "$id1" ] && echo "snapshot not rewritten"
