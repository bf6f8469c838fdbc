# One run, several outputs (-o given four times): the workbook, the charts,
# the folder of CSV files and one table as CSV are byte for byte what four
# separate runs write, and a warning (no opening backlog) is given once, not once per output.
F="$FIX/report"
args="all --config $F/wfm.conf --history $F/history.csv --expected $F/expected.csv
	--baseline $F/baseline.csv --coverage $F/coverage-rates.csv
	--roster $F/roster.csv --decisions $F/decisions.csv --summary $F/summary.csv
	--forecast $F/forecast-week.csv --agents $F/agents.csv --leave $F/leave.csv"
wfm-report $args -o one.xlsx -o one.svg -o one/ -o one.csv \
	"$F/forecast-2026-03-16.csv" 2>one.err || exit
for o in sep.xlsx sep.svg sep/ sep.csv; do
	wfm-report $args -o $o "$F/forecast-2026-03-16.csv" 2>>sep.err || exit
done
cmp one.xlsx sep.xlsx && cmp one.svg sep.svg && cmp one.csv sep.csv && diff -r one sep || exit
echo "same as four runs: one.xlsx one.svg one.csv one/ ($(ls one | wc -l) tables)"
echo "notes of the one run: $(wc -l <one.err); of the four: $(wc -l <sep.err)"
