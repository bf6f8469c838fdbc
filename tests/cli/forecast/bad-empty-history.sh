# a history with a header and no rows: exit 65, no output file
printf 'date,time,channel,line,offered,handled,aht_s\n' > history.csv
wfm-forecast --days 7 -o forecast.csv history.csv
rc=$?
ls
exit $rc
