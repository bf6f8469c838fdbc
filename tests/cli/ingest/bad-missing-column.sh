. "$ROOT/tests/cli/common-ingest.sh"
printf 'date,time,channel,line\n2024-03-04,09:00,phone,1700\n' > in.csv
bad in.csv
