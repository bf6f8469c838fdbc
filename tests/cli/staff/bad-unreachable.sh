# A target that needs more agents than max_agents allows: exit 65 with the
cp "$FIX/staff-forecast.csv" forecast.csv
# best figures reachable; no output.
wfm-staff --config "$FIX/staff-wfm.conf" --max-agents 20 -o out.csv forecast.csv
rc=$?
ls
exit $rc
