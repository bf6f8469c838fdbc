# -o writes the file (nothing on stdout) and leaves no temporary file
wfm-calendar -o cal.csv --from 2025-05-01 --to 2025-05-03
echo "exit $?"
ls
cat cal.csv
