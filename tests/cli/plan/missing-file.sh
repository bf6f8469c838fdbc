# A requirements file that is not there: exit 66.
wfm-plan --agents "$FIX/plan-agents-1.csv" no-such-file.csv
