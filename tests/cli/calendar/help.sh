wfm-calendar --help
