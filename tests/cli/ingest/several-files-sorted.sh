cp "$FIX"/ingest/* .
wfm-ingest -q mail.tsv chat.csv telefonie-5min.csv
