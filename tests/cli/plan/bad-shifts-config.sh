# A shift length off the 15-minute grid in wfm.conf: exit 65 naming the file,
# line, key and value.
printf '[plan]\ntime_limit = 5\nshifts = 8:30, 7:10\n' > wfm.conf
wfm-plan --agents "$FIX/plan-agents-1.csv" "$FIX/plan-req-1.csv"
