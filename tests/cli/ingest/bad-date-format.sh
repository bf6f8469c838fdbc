. "$ROOT/tests/cli/common-ingest.sh"
printf 'date,time,channel,line,offered\n2024/13/01,09:00,phone,1700,5\n' > in.csv
bad in.csv
