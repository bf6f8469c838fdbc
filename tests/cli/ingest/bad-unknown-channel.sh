. "$ROOT/tests/cli/common-ingest.sh"
printf 'date,time,channel,line,offered\n2024-03-04,09:00,fax,1700,5\n' > in.csv
bad in.csv
