. "$ROOT/tests/cli/common-ingest.sh"
head -c 3000 /dev/zero | tr '\0' '\1' > in.csv
printf '\000\377\376PK\003\004' >> in.csv
bad in.csv
