wfm-ingest --help | head -3
echo "exit ${PIPESTATUS[0]}"
wfm-ingest --version | sed 's/[0-9][0-9.]*$/VERSION/'
