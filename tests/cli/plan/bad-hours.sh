# A bad cell names file, line, column and value; exit 65 and the roster that
# was there is left as it was.
printf 'agent,skills,hours_per_week\nAnn,L1,38\nBob,L1,veertig\n' > agents.csv
echo 'the old roster' > roster.csv
wfm-plan -q --agents agents.csv -o roster.csv "$FIX/plan-req-1.csv"
rc=$?
cat roster.csv
ls
exit $rc
