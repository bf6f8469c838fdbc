# Bad command lines: exit 64 each, nothing written.
F="$FIX/report"
cp "$F/forecast-2026-03-16.csv" snap.csv
for args in "" "report" "accuracy --history $F/history.csv" \
	"accuracy --origin 2026-03-16 --history $F/history.csv a.csv b.csv" \
	"plan snap.csv --coverage $F/coverage-rates.csv" \
	"plan --coverage $F/coverage-rates.csv --write-backlog b.csv" \
	"plan --coverage $F/coverage-rates.csv --table nope" \
	"service --history $F/history.csv --from 2026-03-20 --to 2026-03-16" \
	"service --history $F/history.csv --lang fr" \
	"all --agents $F/agents.csv" \
	"service --history $F/history.csv -o out.csv" \
	"service --history $F/history.csv -o - -o -" \
	"service --history $F/history.csv -o 1/ -o 2/ -o 3/ -o 4/ -o 5/ -o 6/ -o 7/ -o 8/"; do
	wfm-report $args --config "$F/wfm.conf" -o out.csv
	echo "exit $?"
done
ls
