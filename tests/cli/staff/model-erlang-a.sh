# Erlang A: with a patience and no callback offer the model is chosen
# automatically; the target is the answer rate.
grep -v chat "$FIX/staff-forecast.csv" > forecast.csv
wfm-staff --config "$FIX/staff-wfm.conf" --patience 3:00 --callback-after none \
	--to 2025-03-04 forecast.csv
