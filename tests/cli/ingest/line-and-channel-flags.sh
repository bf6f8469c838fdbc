# an export without line and channel columns
cp "$FIX"/ingest/* .
wfm-ingest -q --line WONEN --channel telefoon counts-only.csv
echo "exit $?"
wfm-ingest -q counts-only.csv
echo "exit $?"
