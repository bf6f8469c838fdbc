wfm-ingest --into
