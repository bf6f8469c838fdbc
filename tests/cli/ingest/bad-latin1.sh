. "$ROOT/tests/cli/common-ingest.sh"
printf 'datum;kanaal;lijn;aantal;opmerking\n4/03/2024;e-mail;1700;5;geen opmerking\n5/03/2024;e-mail;1700;6;caf\351\n' > in.csv
bad in.csv
