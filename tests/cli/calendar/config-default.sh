# ./wfm.conf is read when there is no --config
cp "$FIX/calendar-wfm.conf" wfm.conf
cp "$FIX/calendar-closed-nl.csv" .
wfm-calendar --from 2025-10-29 --to 2025-11-01
