# interval grain on an hourly history (--interval 60): one row per open hour
# 09:00-18:00 for phone and chat, e-mail as one row per open day with time
# empty; Easter Monday 2025-04-21 and the weekend are not written
python3 "$FIX/forecast-gen.py" --interval 60 > history.csv
wfm-forecast --grain interval --interval 60 --from 2025-04-19 --days 5 history.csv
