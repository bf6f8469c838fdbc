wfm-ingest --replace x.csv
