cp "$FIX"/ingest/* .
cp history-old.csv history.csv
wfm-ingest --into history.csv telefonie-5min.csv chat.csv 2>&1 | tail -1
cat history.csv
