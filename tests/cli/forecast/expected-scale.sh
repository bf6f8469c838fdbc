# --expected, mode scale: 22-23 April times 1.5 (Dutch header, ';' and a
# decimal comma); the prediction interval scales with it
python3 "$FIX/forecast-gen.py" > history.csv
printf 'van;tot;kanaal;lijn;modus;waarde;opmerking\n22/04/2025;23/04/2025;telefoon;B;scale;1,5;campagne\n' > ev.csv
wfm-forecast --days 6 --line B --channel phone history.csv
wfm-forecast --days 6 --line B --channel phone --expected ev.csv history.csv
