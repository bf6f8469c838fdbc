# --excel writes every output for a Belgian Excel: BOM, ';', CRLF,
# dd/mm/yyyy dates, decimal commas.
wfm-plan -q --excel --agents "$FIX/plan-agents-1.csv" --from 2026-11-23 --to 2026-11-23 \
	--summary sum.csv -o roster.csv "$FIX/plan-req-1.csv" || exit
head -c 3 roster.csv | od -An -tx1
sed -n 2p roster.csv | od -c | grep -c '\\r'
sed -n 2p roster.csv | tr -d '\r' | cut -d';' -f1-3
grep '^under_coverage_hours;' sum.csv | tr -d '\r'
