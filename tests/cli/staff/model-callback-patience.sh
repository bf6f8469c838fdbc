# The callback model with a patience of 2.5 minutes and an occupancy cap:
# abandons and callbacks both count against the answer rate.
grep -v chat "$FIX/staff-forecast.csv" > forecast.csv
wfm-staff --config "$FIX/staff-wfm.conf" --patience 150 --max-occupancy 0.9 --to 2025-03-03 \
	forecast.csv
