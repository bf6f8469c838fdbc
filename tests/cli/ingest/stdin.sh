cp "$FIX"/ingest/* .
cat chat.csv | wfm-ingest -q
echo "exit $?"
wfm-ingest -q - < mail.tsv
