# --backtest: per series and candidate model MASE, WAPE, bias and interval
# coverage over 3 rolling origins of 7 days; one model selected per series
python3 "$FIX/forecast-gen.py" > history.csv
wfm-forecast --backtest --origins 3 --days 7 history.csv
