# expected volumes for a period that starts before the forecast (in the
# history), ends before it starts, starts after the forecast's last day, or
# sets a volume on a weekend: exit 65 naming the cell
python3 "$FIX/forecast-gen.py" > history.csv
printf 'from,to,channel,line,mode,value,note\n2025-04-10,2025-04-25,phone,A,add,10,\n' > ev1.csv
printf 'from,to,channel,line,mode,value,note\n2025-04-28,2025-04-22,phone,A,add,10,\n' > ev2.csv
printf 'from,to,channel,line,mode,value,note\n2025-04-26,2025-04-27,phone,A,set,10,\n' > ev3.csv
wfm-forecast --days 7 --expected ev1.csv -o forecast.csv history.csv; echo "exit $?"
wfm-forecast --days 7 --expected ev2.csv -o forecast.csv history.csv; echo "exit $?"
wfm-forecast --days 7 --expected ev3.csv -o forecast.csv history.csv; echo "exit $?"
wfm-forecast --days 14 --expected ev3.csv -o forecast.csv history.csv
rc=$?
ls
exit $rc
