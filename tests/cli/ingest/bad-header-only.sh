. "$ROOT/tests/cli/common-ingest.sh"
printf 'date,time,channel,line,offered\n' > in.csv
bad in.csv
