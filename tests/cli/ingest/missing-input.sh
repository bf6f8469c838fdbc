. "$ROOT/tests/cli/common-ingest.sh"
bad nosuchfile.csv
