cp "$FIX/calendar-closed-bad.csv" closed.csv
wfm-calendar --closed closed.csv 2025
