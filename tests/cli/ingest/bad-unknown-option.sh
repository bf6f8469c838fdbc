wfm-ingest --frobnicate x.csv
