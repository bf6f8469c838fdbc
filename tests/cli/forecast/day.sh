# day grain, two weeks after the history (which ends Friday 2025-04-18): the
# weekend and Easter Monday 2025-04-21 are closed (0), the other days open;
# rows by period, channel (phone, email, chat), line
python3 "$FIX/forecast-gen.py" > history.csv
wfm-forecast --days 14 history.csv
