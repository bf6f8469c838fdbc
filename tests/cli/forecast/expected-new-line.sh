# a line without history (C) named in the expected volumes: its phone volume
# is spread like line A (the phone line with the most history; a note says
# so), its e-mail like A's e-mail; days no row covers are 0; at interval
# grain it takes A's intraday profile
python3 "$FIX/forecast-gen.py" > history.csv
cat > ev.csv <<'CSV'
from,to,channel,line,mode,value,note
2025-04-22,2025-04-25,phone,C,set,800,new line opens
2025-04-22,2025-04-25,email,C,set,60,
CSV
wfm-forecast --from 2025-04-21 --days 7 --line C --expected ev.csv history.csv
wfm-forecast --grain interval --from 2025-04-22 --days 1 --line C --expected ev.csv history.csv | head -n 6
