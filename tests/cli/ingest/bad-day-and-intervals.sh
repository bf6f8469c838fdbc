. "$ROOT/tests/cli/common-ingest.sh"
printf 'date,time,channel,line,offered\n2024-03-04,,email,1700,5\n2024-03-04,10:00,email,1700,5\n' > in.csv
bad in.csv
