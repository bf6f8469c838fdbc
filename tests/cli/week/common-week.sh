# Sourced by the week cases: make_folder DIR makes a data folder for wfm-week
# from the sample, as scripts/weekly-run does: the sample's files, its
# snapshot of 2026-11-16 and its exports in inbox/.
make_folder() {
	mkdir -p "$1/inbox"
	cp "$DATA"/sample/{history,closed,expected,agents,leave,trainings}.csv "$1/"
	cp -r "$DATA/sample/snapshots" "$1/"
	cp "$DATA"/sample/exports/* "$1/inbox/"
}
