# Command-line and folder errors: a bad week, a step that does not exist, a
# missing folder, a step run alone before the step it needs, an empty folder.
wfm-week --week 2026-W60 .; echo "exit $?"
wfm-week --step nosuch .; echo "exit $?"
wfm-week plan staff extra; echo "exit $?"
wfm-week nosuch .; echo "exit $?"
wfm-week --step plan staff .; echo "exit $?"
wfm-week --weeks 0 .; echo "exit $?"
wfm-week --lang fr .; echo "exit $?"
wfm-week nosuch-folder; echo "exit $?"
mkdir empty
wfm-week empty; echo "exit $?"
cp "$DATA/sample/closed.csv" "$DATA/sample/history.csv" empty/
wfm-week staff empty; echo "exit $?"
wfm-week plan --week 2026-W48 empty; echo "exit $?"
ls empty
