cp "$FIX"/ingest/* .
wfm-ingest -q --excel -o out.csv telefonie-5min.csv
echo "exit $?"
od -c out.csv | head -8
