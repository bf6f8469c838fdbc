# Outputs to a device, a named pipe or a symbolic link are written directly:
# /dev/null stays a device, the pipe a pipe, the link a link (the linear
# objective: its optimum 2.5 marks the summary that came through the pipe).
mkfifo pipe
cat pipe > from-pipe.csv &
ln -s target.csv link.csv
echo old > target.csv
wfm-plan -q --objective linear --agents "$FIX/plan-agents-1.csv" --from 2026-11-23 --to 2026-11-23 \
	--summary pipe --coverage /dev/null --decisions link.csv -o /dev/stdout \
	"$FIX/plan-req-1.csv" > roster.csv || exit
wait
test -c /dev/null && echo "/dev/null is a device"
test -p pipe && echo "pipe is a pipe"
test -L link.csv && echo "link.csv is a link"
grep -c '^objective,2.5$' from-pipe.csv
head -1 target.csv
grep -c ',work,L1$' roster.csv
