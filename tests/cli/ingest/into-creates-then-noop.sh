# --into creates the history; ingesting the same exports again changes nothing
cp "$FIX"/ingest/* .
wfm-ingest --into history.csv telefonie-5min.csv mail.tsv 2>&1 | tail -1
cp history.csv first.csv
wfm-ingest --into history.csv telefonie-5min.csv mail.tsv 2>&1 | tail -1
cmp history.csv first.csv && echo "identical after the second run"
ls
