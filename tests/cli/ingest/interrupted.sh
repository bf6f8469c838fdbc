# Stopped by SIGTERM at various moments of a --into run over the 9 MB sample
# history: the history is either exactly as before or exactly the full
# result, never half written, and no temporary file is left behind.
cp "$DATA/sample/history.csv" orig.csv
cp orig.csv full.csv
wfm-ingest -q --into full.csv "$DATA"/sample/exports/* || echo "full run failed"
for delay in 0.05 0.15 0.3 0.45 0.6 0.8 1.0 1.3; do
	cp orig.csv history.csv
	wfm-ingest -q --into history.csv "$DATA"/sample/exports/* &
	pid=$!
	sleep "$delay"
	kill -TERM "$pid" 2>/dev/null
	wait "$pid"
	if cmp -s history.csv orig.csv || cmp -s history.csv full.csv; then
		echo "whole"
	else
		echo "HALF WRITTEN after $delay s"
	fi
	ls | grep -q tmp && echo "temporary file left after $delay s"
done
exit 0
