# A history that ends on a Thursday (2026-11-12): the week planned is the
# next one (2026-W47), and the backlog the service step writes is dated
# Friday 2026-11-13, a working day before the week: the staff step leaves it
# out with a warning instead of failing.  --week plans another week; the
# steps run one by one.
. "$ROOT/tests/cli/week/common-week.sh"
make_folder d
rm -r d/inbox d/snapshots
grep -v '^2026-11-13,' "$DATA/sample/history.csv" > d/history.csv
for s in forecast service staff; do
	wfm-week --weeks 1 $s d >out 2>err || echo "$s: exit $?"
	grep -v '^   \$ ' out | grep -v '^$'
	grep -v 'note: line ENERGIE\|no opening backlog' err
done
cat d/out/2026-W47/backlog.csv
head -1 d/snapshots/forecast-2026-11-16.csv
tail -1 d/snapshots/forecast-2026-11-16.csv | cut -d, -f1
wfm-week --week 2026-W49 --weeks 1 forecast d >out 2>&1 || echo "exit $?"
grep '^==\|expected.csv' out
ls d/snapshots
