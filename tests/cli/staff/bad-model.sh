# An unknown model, and Erlang A without a patience: exit 64.
wfm-staff --config "$FIX/staff-wfm.conf" --model erlang-b "$FIX/staff-forecast.csv"
echo "exit $?"
wfm-staff --config "$FIX/staff-wfm.conf" --model erlang-a "$FIX/staff-forecast.csv"
