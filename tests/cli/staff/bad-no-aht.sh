# No handle time anywhere for e-mail: exit 65 naming the row.
cp "$FIX/staff-forecast.csv" forecast.csv
wfm-staff --holidays none --open-hours 09:00-10:00 -o out.csv forecast.csv
rc=$?
ls
exit $rc
