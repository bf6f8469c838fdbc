# ';' with BOM, CRLF, d/m/yyyy, Dutch headers, decimal comma, thousands '.',
# 5-minute rows summed into 15 minutes (AHT weighted by handled).
cp "$FIX"/ingest/* .
wfm-ingest telefonie-5min.csv
