# settings from --config; its closing-days file is found next to it; a flag
# overrides the file's open_hours but not its per-weekday hours
mkdir conf
cp "$FIX/calendar-wfm.conf" conf/wfm.conf
cp "$FIX/calendar-closed-nl.csv" conf/
wfm-calendar --config conf/wfm.conf --open-hours 08:00-17:00 --from 2025-10-27 --to 2025-11-09
