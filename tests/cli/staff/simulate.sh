# The required agents simulated 8 times with seed 5, with 95 % confidence
# intervals; the same seed gives the same figures.  Monday 09:00 starts
# with an empty queue, so it does better than the steady state promises.
grep -v email "$FIX/staff-forecast.csv" > forecast.csv
wfm-staff --config "$FIX/staff-wfm.conf" --simulate --runs 8 --seed 5 --to 2025-03-03 \
	forecast.csv > a.csv
wfm-staff --config "$FIX/staff-wfm.conf" --simulate --runs 8 --seed 5 --to 2025-03-03 \
	forecast.csv | cmp - a.csv && echo "same seed, same figures"
cat a.csv
