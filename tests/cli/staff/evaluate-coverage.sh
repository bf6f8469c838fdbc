# A roster's coverage (no channel column: --channel phone) evaluated against
# the forecast: 09:15 on Monday is overloaded (80 calls of 300 s, 26.7
# erlangs, on 20 agents), the 09:30 row of line 1700 is missing (0 agents,
# no calls), one row names a line the forecast does not have.  E-mail and
# callbacks get no capacity: late.
wfm-staff --config "$FIX/staff-wfm.conf" --evaluate "$FIX/staff-coverage.csv" --channel phone \
	--to 2025-03-04 "$FIX/staff-forecast.csv"
