# tab, dd-mm-yyyy, Dutch headers, whole-day rows, empty handled and AHT
cp "$FIX"/ingest/* .
wfm-ingest -q mail.tsv
