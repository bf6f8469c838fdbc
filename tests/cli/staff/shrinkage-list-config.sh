# The list keys in the settings file do what the flags do: the same output as
# shrinkage-channel-weekday (its first run) with the lists in wfm.conf.  A
# channel given both alone and in the list is an error on the later line
# (exit 65), and nothing is written.
cp "$FIX/staff-wfm.conf" wfm.conf
printf 'shrinkage_channel = phone=20%%, email=0.2\nshrinkage_weekday = mon=12.5%%\n' >> wfm.conf
wfm-staff "$FIX/staff-forecast.csv" > list.csv
echo "exit $?"
wfm-staff --config "$FIX/staff-wfm.conf" --shrinkage-channel 'phone=20%, email=0.2' \
	--shrinkage-weekday mon=12.5% "$FIX/staff-forecast.csv" > flags.csv
cmp list.csv flags.csv && echo "same as the flags"
echo 'shrinkage_email = 0.3' >> wfm.conf
wfm-staff -o out.csv "$FIX/staff-forecast.csv"
echo "exit $?"
ls
