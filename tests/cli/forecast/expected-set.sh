# --expected, mode set: the open days of 22-30 April total 1000 (the weekend
# and closed days stay 0); a later scale row applies on top, in file order
python3 "$FIX/forecast-gen.py" > history.csv
cat > ev.csv <<'CSV'
from,to,channel,line,mode,value,note
2025-04-22,2025-04-30,chat,B,set,1000,new scheme
2025-04-29,2025-04-30,chat,B,scale,2,launch days
CSV
wfm-forecast --from 2025-04-19 --to 2025-05-02 --line B --channel chat --expected ev.csv history.csv
