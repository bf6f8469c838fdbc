# --help starts with the usage and lists every option.
wfm-plan --help | head -2
wfm-plan --help | grep -c '^  .*--'
