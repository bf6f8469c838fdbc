# a new line on a channel no line has history for: no shape to borrow: exit 65
python3 "$FIX/forecast-gen.py" > history.csv
printf 'from,to,channel,line,mode,value,note\n2025-04-22,2025-04-25,social,C,set,100,\n' > ev.csv
wfm-forecast --days 7 --expected ev.csv -o forecast.csv history.csv
rc=$?
ls
exit $rc
