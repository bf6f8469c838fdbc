# --progress FILE: one CSV row seconds,objective,bound,gap,phase whenever the
# solver reports; the seconds never go back, the phases are the documented
# ones, and the last row ("done") carries the objective and bound of the
# summary.  Without a plan or bound yet, their cells are empty.
wfm-plan -q --agents "$FIX/plan-agents-1.csv" --from 2026-11-23 --to 2026-11-23 --gap 0 \
	--progress prog.csv --summary sum.csv -o roster.csv "$FIX/plan-req-1.csv" || exit
head -n 1 prog.csv
awk -F, 'NR > 1 {
		if ($1 + 0 < last) bad = bad " seconds go back at row " NR
		last = $1 + 0
		if ($5 !~ /^(prepare|decide|construct|search|lp|heuristic|bound|branch-and-cut|done)$/)
			bad = bad " phase " $5
		if (($2 == "") != ($4 == "") && $3 != "") bad = bad " gap without plan at row " NR
		rows++
	} END { print (bad == "" ? "rows ok" : "bad:" bad) }' prog.csv
tail -n 1 prog.csv | awk -F, '{ print "last phase " $5 }'
obj=$(awk -F, '$1 == "objective" { print $2 }' sum.csv)
bnd=$(awk -F, '$1 == "bound" { print $2 }' sum.csv)
tail -n 1 prog.csv | awk -F, -v o="$obj" -v b="$bnd" '{
	d1 = $2 - o; d2 = $3 - b; if (d1 < 0) d1 = -d1; if (d2 < 0) d2 = -d2
	print (d1 < 1e-4 && d2 < 1e-4 ? "matches the summary" : "summary " o " " b ", progress " $2 " " $3) }'
# a directory that does not exist: exit 73, no roster written
wfm-plan -q --agents "$FIX/plan-agents-1.csv" --from 2026-11-23 --to 2026-11-23 \
	--progress nodir/prog.csv -o roster2.csv "$FIX/plan-req-1.csv"
echo "exit $?"
ls roster2.csv 2>/dev/null || echo "no roster"
