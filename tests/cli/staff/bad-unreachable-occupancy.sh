# An occupancy cap that max_agents cannot meet, with Erlang C: exit 65.
cp "$FIX/staff-forecast.csv" forecast.csv
wfm-staff --config "$FIX/staff-wfm.conf" --model erlang-c --max-occupancy 0.5 \
	--max-agents 30 -o out.csv forecast.csv
rc=$?
ls
exit $rc
