# 30 exports in the inbox, one day of e-mail each: the ingest step merges
# them in two batches (24, then 6), each moved to done/ once merged; the
# history has every day once.  A folder without a history gets one.
mkdir -p d/inbox
for i in $(seq 1 30); do
	day=$(date -u -d "2026-09-30 + $i days" +%F)
	printf 'date,channel,line,offered,handled\n%s,email,1700,%d,%d\n' "$day" $((10 + i)) \
		$((10 + i)) > "d/inbox/mail-$day.csv"
done
wfm-week ingest d > out || echo "exit $?"
grep -c '^   \$ wfm-ingest' out
grep -c ' -> done/' out
ls d/inbox | wc -l
ls d/done | wc -l
head -2 d/history.csv
wc -l < d/history.csv
cut -d, -f1 d/history.csv | sort | uniq -d | wc -l
wfm-week ingest d | grep 'nothing new'
