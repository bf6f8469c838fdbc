# A forecast that is not there: exit 66.
wfm-staff --config "$FIX/staff-wfm.conf" -o out.csv nowhere.csv
rc=$?
ls
exit $rc
