cp "$FIX"/ingest/* .
cp history-old.csv history.csv
wfm-ingest --dry-run --into history.csv chat.csv 2>&1 | tail -1
cmp history.csv history-old.csv && echo "history unchanged"
