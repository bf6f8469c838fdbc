# A missing input: exit 66.
F="$FIX/report"
wfm-report service --config "$F/wfm.conf" --history nope.csv -o out/
rc=$?
ls
exit $rc
