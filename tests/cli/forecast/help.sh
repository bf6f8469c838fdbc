# --help: what the tool does, every option, the grains, examples, exit codes
wfm-forecast --help
