# Good Friday 2024-03-29 open, Easter Monday 04-01 closed, 04-03 missing,
# a row at 08:30 before opening
cp "$FIX"/ingest/* .
wfm-ingest -o out.csv closed-and-gaps.csv
