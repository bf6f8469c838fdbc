# 38 contract hours on one day a week cannot fit the longest shift (8:00
# paid): exit 65 naming the agent and the rule.
printf 'agent,skills,hours_per_week,days_per_week\nAnn,L1,38,1\n' > agents.csv
wfm-plan -q --agents agents.csv -o roster.csv "$FIX/plan-req-2.csv"
rc=$?
ls
exit $rc
