printf 'date,time,channel,line,offered\n2024-03-04,09:00,phone,1700,5\n2024-02-30,09:00,phone,1700,5\n2024-03-04,09:15,fax,1700,1\n2024-03-04,09:00,phone,1700,6\n2024-03-04,09:30,phone,1700,7\n' > in.csv
wfm-ingest -o out.csv --skip-bad rejected.csv in.csv
echo "exit $?"
cat out.csv
cat rejected.csv
