# Shared by the wfm-ingest golden cases (sourced, not a case itself: no .exit).
# bad INPUT [OPTIONS...]: runs wfm-ingest on INPUT twice, once with -o over an
# existing file and once with --into over an existing history, and shows the
# exit codes and whether either file changed.  stderr is the tool's.
good_history() {
	printf 'date,time,channel,line,offered,handled,aht_s\n2024-03-01,09:00,phone,1700,5,5,300\n'
}
bad() {
	local input=$1; shift
	echo 'keep me' > out.csv
	good_history > history.csv
	cp history.csv history.orig
	wfm-ingest -q "$@" -o out.csv "$input"
	echo "exit $?"
	if [ "$(cat out.csv)" = "keep me" ]; then echo "out.csv unchanged"; else echo "out.csv CHANGED"; fi
	wfm-ingest -q "$@" --into history.csv "$input" 2>/dev/null
	echo "exit $?"
	if cmp -s history.csv history.orig; then echo "history unchanged"; else echo "history CHANGED"; fi
	leftovers=$(ls | grep -v -e '^out.csv$' -e '^history.csv$' -e '^history.orig$' -e "^$(basename "$input")\$" || true)
	[ -z "$leftovers" ] || echo "left behind: $leftovers"
}
