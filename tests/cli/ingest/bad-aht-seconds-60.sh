. "$ROOT/tests/cli/common-ingest.sh"
printf 'date,time,channel,line,offered,handled,aht_s\n2024-03-04,09:00,phone,1700,5,5,4:60\n' > in.csv
bad in.csv
