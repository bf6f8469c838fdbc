# Settings that stop the run before any input is read: a bad flag (exit 64,
# with the hint to --help, as every program gives it) and a closing-days
# file named by the settings that is missing (exit 66); nothing is written.
printf 'date,time,channel,line,offered\n2024-03-01,09:00,phone,1700,5\n' > in.csv
wfm-ingest --interval 7 -o out.csv in.csv
echo "exit $?"
printf '[calendar]\nclosed = nothere.csv\n' > wfm.conf
wfm-ingest -o out.csv in.csv
echo "exit $?"
ls
