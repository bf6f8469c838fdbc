# Accuracy and service on the small fixture, every figure checked against an
# independent computation in exact fractions (tests/ref/report_cli_ref.py:
# WAPE, bias, MASE, coverage, Poisson floor per grain and time of day, the
# estimates against the baseline, answer rates, e-mail first in first out
# with an opening backlog of 40); then the main tables as written.
F="$FIX/report"
wfm-report accuracy,service --config "$F/wfm.conf" --history "$F/history.csv" \
	--expected "$F/expected.csv" --baseline "$F/baseline.csv" --backlog "$F/backlog.csv" \
	--write-backlog next.csv -o out/ "$F/forecast-2026-03-16.csv" || exit
python3 "$ROOT/tests/ref/report_cli_ref.py" "$F" out || exit
ls out
cat out/accuracy.csv out/estimates.csv out/deferred-day.csv out/service.csv next.csv
