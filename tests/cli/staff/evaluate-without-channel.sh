# A coverage without channel for a line with phone and chat is ambiguous.
cp "$FIX/staff-coverage.csv" coverage.csv
cp "$FIX/staff-forecast.csv" forecast.csv
wfm-staff --config "$FIX/staff-wfm.conf" --evaluate coverage.csv \
	-o out.csv forecast.csv
rc=$?
ls
exit $rc
