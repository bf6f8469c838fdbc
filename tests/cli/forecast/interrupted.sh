# Stopped by SIGTERM while it writes its output (the moment its temporary
# file appears): the output is as before and no temporary file is left
# behind, as with every other program (the signal guard of tool_out_open).
# The file exists for a fraction of a second (0.16 s of a 2.5 s run, idle
# machine), so the watch uses only shell builtins (compgen, kill, read -t):
# a loop that forks ls, grep and sleep missed it on a loaded machine.
echo 'keep me' > out.csv
wfm-forecast --grain interval --days 400 -o out.csv "$DATA/sample/history.csv" 2>/dev/null &
pid=$!
exec {tick}<> <(:)
seen=
while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt 600 ]; do
	if compgen -G 'out.csv.wfm-tmp.*' >/dev/null; then
		seen=1
		break
	fi
	read -r -t 0.002 -u "$tick" || :
done
[ -n "$seen" ] || echo "no temporary file seen"
kill -TERM "$pid" 2>/dev/null
wait "$pid"
echo "exit $?"
cat out.csv
ls -A
