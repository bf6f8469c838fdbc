# usage errors: exit 64 each, with a hint to run --help
python3 "$FIX/forecast-gen.py" > history.csv
wfm-forecast --grain week history.csv; echo "exit $?"
wfm-forecast --days 0 history.csv; echo "exit $?"
wfm-forecast --days 2,5 history.csv; echo "exit $?"
wfm-forecast --to 2025-03-01 --days 3 history.csv; echo "exit $?"
wfm-forecast --origins 4 history.csv; echo "exit $?"
wfm-forecast --backtest --grain interval history.csv; echo "exit $?"
wfm-forecast --from 2025-02-30 history.csv; echo "exit $?"
wfm-forecast --level 1.5 history.csv; echo "exit $?"
wfm-forecast --frobnicate history.csv; echo "exit $?"
wfm-forecast history.csv other.csv; echo "exit $?"
ls
