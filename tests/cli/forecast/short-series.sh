# a series of two weeks (fewer than 21 open days): the mean of each weekday,
# with a warning on stderr; the run succeeds
python3 "$FIX/forecast-gen.py" --weeks 2 > history.csv
wfm-forecast --days 3 --from 2025-02-10 --line A history.csv
