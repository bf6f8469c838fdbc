# Simulating a coverage with lognormal handle times (cv 0.5).
grep -v -e email -e chat "$FIX/staff-forecast.csv" > forecast.csv
wfm-staff --config "$FIX/staff-wfm.conf" --evaluate "$FIX/staff-coverage.csv" --simulate \
	--runs 5 --seed 11 --handle lognormal --handle-cv 0.5 --from 2025-03-04 forecast.csv
