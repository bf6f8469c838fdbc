# Stopped by SIGTERM while it writes its output (the moment its temporary
# file appears): the output is as before and no temporary file is left
# behind, as with every other program (the signal guard of tool_out_open).
echo 'keep me' > out.csv
wfm-forecast --grain interval --days 400 -o out.csv "$DATA/sample/history.csv" 2>/dev/null &
pid=$!
for i in $(seq 1 3000); do
	ls -A | grep -q 'wfm-tmp' && break
	kill -0 "$pid" 2>/dev/null || break
	sleep 0.01
done
ls -A | grep -q 'wfm-tmp' || echo "no temporary file seen"
kill -TERM "$pid" 2>/dev/null
wait "$pid"
echo "exit $?"
cat out.csv
ls -A
