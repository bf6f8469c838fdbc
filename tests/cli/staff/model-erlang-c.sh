# Erlang C: the service level 80 % within 20 s, phone only.
grep -v chat "$FIX/staff-forecast.csv" > forecast.csv
wfm-staff --config "$FIX/staff-wfm.conf" --model erlang-c --from 2025-03-03 --to 2025-03-03 \
	forecast.csv
