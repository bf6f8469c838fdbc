# Bad shrinkage settings: exit 64 for a flag (naming the flag and the item),
# 65 for the settings file (naming file and line); no output either way.
wfm-staff --config "$FIX/staff-wfm.conf" --shrinkage-channel fax=0.2 -o out.csv \
	"$FIX/staff-forecast.csv"
echo "exit $?"
wfm-staff --config "$FIX/staff-wfm.conf" --shrinkage-channel phone=0,3 -o out.csv \
	"$FIX/staff-forecast.csv"
echo "exit $?"
wfm-staff --config "$FIX/staff-wfm.conf" --shrinkage-weekday Mon=100% -o out.csv \
	"$FIX/staff-forecast.csv"
echo "exit $?"
wfm-staff --config "$FIX/staff-wfm.conf" --shrinkage-weekday monday=0.1 -o out.csv \
	"$FIX/staff-forecast.csv"
echo "exit $?"
cp "$FIX/staff-wfm.conf" wfm.conf
echo 'shrinkage_fri = -5%' >> wfm.conf
wfm-staff -o out.csv "$FIX/staff-forecast.csv"
rc=$?
ls
exit $rc
