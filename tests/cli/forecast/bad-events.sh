# a bad events file stops the run with file, line, column and value (65),
# writes nothing; so does a missing one (66)
python3 "$FIX/forecast-gen.py" > history.csv
printf 'from,to,line,channel,kind,name\n2025-04-01,2025-04-02,A,phone,exclude,storing\n2025-04-03,2025-04-03,A,phone,skip,x\n' > e1.csv
wfm-forecast --events e1.csv -o out.csv history.csv; echo "exit $?"
printf 'van;tot;lijn;kanaal;soort;naam\n3/04/2025;1/04/2025;A;;effect;mailing\n' > e2.csv
wfm-forecast --events e2.csv -o out.csv history.csv; echo "exit $?"
printf 'from,to,line,channel,kind,name\n2025-04-01,2025-04-01,A,fax,effect,x\n' > e3.csv
wfm-forecast --events e3.csv -o out.csv history.csv; echo "exit $?"
printf 'from,to,line,channel,kind,name\n2025-04-01,2025-04-01,A,,effect,\n' > e4.csv
wfm-forecast --events e4.csv -o out.csv history.csv; echo "exit $?"
wfm-forecast --events missing.csv -o out.csv history.csv; echo "exit $?"
[ -e out.csv ] || echo "no output written"
