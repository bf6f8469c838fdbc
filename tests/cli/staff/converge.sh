# Erlang A tends to Erlang C as the patience grows: the same staffing
# evaluated with patience 10 minutes, 1 hour and 24 hours, and with Erlang C
# (service level, answer rate and ASA of Monday 09:00, line 1700).
grep -v chat "$FIX/staff-forecast.csv" > forecast.csv
printf 'date,time,channel,line,agents\n2025-03-03,09:00,phone,1700,21\n' > staff.csv
for p in 600 3600 86400; do
	wfm-staff --config "$FIX/staff-wfm.conf" --model erlang-a --patience $p --evaluate staff.csv \
		--to 2025-03-03 forecast.csv 2>/dev/null | grep '09:00,phone,1700' | cut -d, -f8-10
done
wfm-staff --config "$FIX/staff-wfm.conf" --model erlang-c --evaluate staff.csv --to 2025-03-03 \
	forecast.csv 2>/dev/null | grep '09:00,phone,1700' | cut -d, -f8-10
