# A corrupt export in the inbox: the ingest step stops with wfm-ingest's
# message (file, line, column, value) and wfm-week's naming the step; the
# history keeps every byte, no export moves to done/, and the outputs of
# earlier runs (the ingest, the snapshot of the forecast step) stay as they
# were.  The inbox holds an export ingested before, too: ingesting it again
# would change nothing, and it stays in the inbox with the corrupt one.
. "$ROOT/tests/cli/week/common-week.sh"
make_folder d
wfm-week ingest d >/dev/null 2>&1 || echo "ingest failed"
wfm-week forecast d >/dev/null 2>&1 || echo "forecast failed"
ls d/done d/snapshots
md5sum d/history.csv d/snapshots/* > before
printf 'Datum;Kanaal;Lijn;Aangeboden\n23/11/2026;telefoon;1700;12\n24/11/2026;telefoon;1700;1x\n' \
	> d/inbox/telefonie_week48.csv
cp d/done/chat_2026-10-26_2026-11-20.csv d/inbox/
wfm-week d >out 2>err
echo "exit $?"
cat err
md5sum -c --quiet before && echo "history and snapshots unchanged"
ls d/inbox
ls d/done
[ -e d/out/2026-W48/requirements.csv ] || echo "no requirements"
grep -c '^== ' out
