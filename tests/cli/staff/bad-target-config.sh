# The same from the settings file: exit 65 with its file and line.
cp "$FIX/staff-wfm.conf" wfm.conf
echo 'sl = 1' >> wfm.conf
wfm-staff -o out.csv "$FIX/staff-forecast.csv"
rc=$?
ls
exit $rc
