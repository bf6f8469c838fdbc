# ',' with English headers, ISO dates, AHT as mm:ss
cp "$FIX"/ingest/* .
wfm-ingest -q chat.csv
