# an expected-volume row with an unknown mode: exit 65 with
# file:line: column 'mode': ...: 'value', no output file
python3 "$FIX/forecast-gen.py" > history.csv
printf 'from,to,channel,line,mode,value,note\n2025-04-22,2025-04-25,phone,A,add,10,\n2025-04-22,2025-04-25,phone,A,double,2,\n' > ev.csv
wfm-forecast --days 7 --expected ev.csv -o forecast.csv history.csv
rc=$?
ls
exit $rc
