# Ann, the only attendee of a session that must fall on Monday or Tuesday,
# has approved leave on both days: no plan exists.  Exit 65 naming the
# training, the agent, the days and the rule; no roster is written.
printf 'agent,from,to,status\nAnn,2026-11-23,2026-11-24,approved\n' > leave.csv
wfm-plan -q --agents "$FIX/plan-agents-2.csv" --leave leave.csv \
	--trainings "$FIX/plan-train-2.csv" --from 2026-11-23 --to 2026-11-24 \
	-o roster.csv "$FIX/plan-req-2.csv"
rc=$?
ls
exit $rc
