# Trainings whose window lies outside the plan's days are not planned: one
# warning names the trainings file and the line of the first of them, the
# plan's days and how many there are (the summary's seconds vary, so only
# the warnings are kept).
printf '%s\n' 'training,skill,minutes,group_min,group_max,participants,from,to' \
	'update,L1,60,1,1,Ann,2026-11-23,2026-11-27' \
	'last-week,L1,60,1,1,Ann,2026-11-16,2026-11-20' \
	'next-week,L1,60,1,1,Ann,2026-11-30,2026-12-04' > trainings.csv
wfm-plan --agents "$FIX/plan-agents-1.csv" --trainings trainings.csv --time-limit 5 \
	-o roster.csv "$FIX/plan-req-1.csv" 2>err.txt
echo "exit $?"
grep 'training' err.txt
awk -F, '$5 == "training" { print $1, $2, $3, $4 }' roster.csv
