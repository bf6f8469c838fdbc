wfm-report --help
