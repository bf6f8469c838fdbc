. "$ROOT/tests/cli/common-ingest.sh"
: > in.csv
bad in.csv
