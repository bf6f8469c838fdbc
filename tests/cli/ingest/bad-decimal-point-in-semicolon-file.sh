. "$ROOT/tests/cli/common-ingest.sh"
printf 'datum;tijd;kanaal;lijn;aangeboden;afhandeltijd\n4/03/2024;09:00;telefoon;1700;5;312.5\n' > in.csv
bad in.csv
