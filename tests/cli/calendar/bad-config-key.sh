cp "$FIX/calendar-bad-key.conf" wfm.conf
wfm-calendar 2025
