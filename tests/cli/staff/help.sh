# --help starts with the usage and lists every option.
wfm-staff --help | head -3
wfm-staff --help | grep -c '^  .*--'
