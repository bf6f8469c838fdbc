# the same key with another value than the history holds: exit 65, untouched
printf 'date,time,channel,line,offered,handled,aht_s\n2024-03-01,09:00,phone,1700,5,5,300\n' > history.csv
cp history.csv before.csv
printf 'date,time,channel,line,offered,handled,aht_s\n2024-03-01,09:00,phone,1700,6,5,300\n2024-03-02,09:00,phone,1700,6,5,300\n' > in.csv
wfm-ingest -q --into history.csv in.csv
echo "exit $?"
cmp history.csv before.csv && echo "history unchanged"
ls
