# --excel: the nl-BE profile (';', decimal comma, BOM, CRLF, dd/mm/yyyy)
python3 "$FIX/forecast-gen.py" > history.csv
wfm-forecast --excel --days 4 --line A history.csv
wfm-forecast --excel --grain month --days 4 --line A --channel email history.csv
