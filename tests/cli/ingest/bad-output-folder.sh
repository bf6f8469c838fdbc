printf 'date,time,channel,line,offered\n2024-03-04,09:00,phone,1700,5\n' > in.csv
wfm-ingest -q -o nosuchdir/out.csv in.csv
echo "exit $?"
ls
