# Dutch headers, labels, weekdays and texts in the nl-BE spreadsheet dialect
# (';', decimal comma, BOM, CRLF, dd/mm/yyyy), byte for byte: the e-mail
# first in first out, the accuracy per day, the decisions with their reason
# in Dutch and its date as dd/mm/yyyy, and the estimates (the note that
# begins with '=' gets an apostrophe), the plan per day and the plan's
# summary with Dutch keys and status.
F="$FIX/report"
wfm-report accuracy,service --lang nl --excel --config "$F/wfm.conf" \
	--history "$F/history.csv" --backlog "$F/backlog.csv" --expected "$F/expected.csv" \
	--baseline "$F/baseline.csv" -o uit/ "$F/forecast-2026-03-16.csv" || exit
ls uit
cat uit/uitgesteld-dag.csv uit/nauwkeurigheid-dag.csv uit/inschattingen.csv
wfm-report plan --lang nl --excel --config "$F/wfm.conf" --coverage "$F/coverage-rates.csv" \
	--decisions "$F/decisions.csv" --table beslissingen
wfm-report plan --lang nl --excel --config "$F/wfm.conf" --coverage "$F/coverage-rates.csv" \
	--roster "$F/roster.csv" --table planning-dag
wfm-report plan --lang nl --excel --config "$F/wfm.conf" --coverage "$F/coverage-rates.csv" \
	--summary "$F/summary.csv" --table planning-overzicht
