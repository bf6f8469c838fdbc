. "$ROOT/tests/cli/common-ingest.sh"
printf 'Datum;Tijd;Aantal\n4/03/2024;09:00;5\n' > in.csv
bad in.csv
