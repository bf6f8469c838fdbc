# --from inside the history: only the rows before it are used, so the run on
# the whole history equals the run on the history cut at --from
python3 "$FIX/forecast-gen.py" > history.csv
head -n 1 history.csv > cut.csv
grep '^2025-0[1-3]' history.csv >> cut.csv
wfm-forecast --from 2025-04-01 --days 5 --line A -o whole.csv history.csv
wfm-forecast --from 2025-04-01 --days 5 --line A -o cut-run.csv cut.csv
cmp whole.csv cut-run.csv && echo "same forecast"
cat whole.csv
