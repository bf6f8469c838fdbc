# FTE per day: scheduled hours over 38 / 5 hours, with a total per day.
wfm-staff --config "$FIX/staff-wfm.conf" --grain day --fte-hours 38 "$FIX/staff-forecast.csv"
