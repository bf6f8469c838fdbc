# The checker's own chat model and split: the sample week with its phone and
# chat rows (four lines have both in every interval), planned for 4 seconds.
# tests/plancheck.py recomputes the answer rate and service level of every
# interval, a line with phone and chat too: its planned agents split as
# README says wfm-plan splits them (each next agent where it saves most lost
# contacts, envelope and depth term), the phone with its M/M/n+D, the chat
# with its own birth-death chain of agents holding up to 2 chats (handle
# times from the concurrency factors 1 and 1.7, nobody leaving), not wfm's
# code; and finds them within 0.001, the summary's answer rates too.  Then
# it must catch one mixed interval's answer rate and service level made
# wrong (it skipped such intervals before).
S="$DATA/sample"
wfm-plan -q --closed "$S/closed.csv" --agents "$S/agents.csv" --leave "$S/leave.csv" \
	--trainings "$S/trainings.csv" --week 2026-W48 --time-limit 4 --coverage cov.csv \
	--decisions dec.csv --summary sum.csv -o roster.csv "$FIX/plan-sample-req.csv" || exit
check() {
	python3 "$ROOT/tests/plancheck.py" --closed-file "$S/closed.csv" \
		--requirements "$FIX/plan-sample-req.csv" --agents "$S/agents.csv" \
		--leave "$S/leave.csv" --trainings "$S/trainings.csv" --roster roster.csv \
		--decisions dec.csv "$@"
}
check --coverage cov.csv --summary sum.csv && echo "checker: ok"
awk -F, 'NR > 1 && $2 != "" && $3 == "chat" { print $1 "," $2 "," $4 }' "$FIX/plan-sample-req.csv" |
	sort -u > chat-cells
awk -F, 'NR > 1 && $2 != "" && $7 != "" { print $1 "," $2 "," $3 }' cov.csv | sort -u |
	comm -12 - chat-cells | wc -l | sed 's/$/ intervals of a line with phone and chat, with an answer rate/'
awk -F, 'BEGIN { OFS = "," } $2 == "10:00" && $3 == "WONEN" && !done { $7 = "0.5000"; $8 = "0.2000"; done = 1 } 1' \
	cov.csv > cov-bad.csv
check --coverage cov-bad.csv --summary sum.csv |
	sed 's/with [0-9]* agents gives 0\.[0-9]*/with N agents gives .../'
# wfm-staff --evaluate on the plan's coverage, against the requirements
# without their callback rows (its phone model makes them again): each line's
# agents split between phone and chat as the plan splits them, the same
# answer rate and service level per interval and line within the 4 decimals
# written; the whole-day rows' hours given to the line's e-mail and
# callbacks, adding up to the plan's hours per line and day.
grep -v ',callback,' "$FIX/plan-sample-req.csv" > req-nocb.csv
wfm-staff --evaluate cov.csv -o ev.csv req-nocb.csv 2>/dev/null || exit
awk -F, 'FNR == 1 { next }
	FILENAME == "ev.csv" && $2 != "" && ($3 == "phone" || $3 == "chat") {
		k = $1 "," $2 "," $4; v[k] += $5; a[k] += $5 * $9
		s[k] += $5 * ($8 < $9 ? $8 : $9); n[k]++; next }
	FILENAME == "ev.csv" && $2 == "" && ($3 == "email" || $3 == "callback") {
		h[$1 "," $4] += $7; next }
	FILENAME == "cov.csv" && $2 == "" { ph[$1 "," $3] = $5; next }
	FILENAME == "cov.csv" && $7 != "" { ar[$1 "," $2 "," $3] = $7; sl[$1 "," $2 "," $3] = $8 }
	END { for (k in ar) if (v[k] > 0) { m++; mixed += n[k] == 2
			d = a[k] / v[k] - ar[k]; if (d < 0) d = -d; if (d > w) w = d
			d = s[k] / v[k] - sl[k]; if (d < 0) d = -d; if (d > w) w = d }
		printf "wfm-staff --evaluate on %d intervals (%d with phone and chat): %s\n", m, mixed,
			w <= 2e-4 ? "the plan'"'"'s figures within 0.0002" : "differs by " w
		for (k in ph) { nd++; d = h[k] - ph[k]; if (d < 0) d = -d; if (d > wh) wh = d }
		printf "whole-day rows: %d line-days, e-mail and callback hours %s\n", nd,
			wh <= 0.02 ? "add up to the plan'"'"'s" : "differ by " wh }' ev.csv cov.csv
