# A backlog file that is not there: exit 66.
wfm-staff --config "$FIX/staff-wfm.conf" --backlog nothere.csv "$FIX/staff-forecast.csv"
