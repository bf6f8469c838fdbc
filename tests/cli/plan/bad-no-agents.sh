# --agents is required: exit 64.
wfm-plan "$FIX/plan-req-1.csv"
