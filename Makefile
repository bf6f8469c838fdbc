# wfm - contact-center workforce planning tools.  See README.md.
#
#   make            build libwfm.a and the programs into build/
#   make test       install missing packages, build with -Werror, run every test
#   make demo       install missing packages, build, run the weekly chain on data/sample
#   make bench      benchmarks (see scripts/bench-*)
#   make install    PREFIX=/usr/local DESTDIR= (programs, manual pages)
#   make man        rewrite the OPTIONS of man/*.1 from the programs' --help
#   make SANITIZE=address,undefined test
#   make fuzz       libFuzzer on the readers, FUZZ_SECONDS (600) each (clang)
#   make bad        only the bad-input corpus (tests/bad/), part of make test
#   (make check also runs the README's command blocks, tests/readme/run, with
#   the default BUILD: the README puts build/bin on PATH)
#   make V=1        show the commands
VERSION   := 0.1.0
PREFIX    ?= /usr/local
DESTDIR   ?=
BUILD     ?= build
CC        ?= cc
OPT       ?= -O2
SANITIZE  ?=
WERROR    ?= 0

WARN      := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
             -Wformat=2 -Wvla -Wpointer-arith -Wcast-qual -Wundef
ifeq ($(WERROR),1)
WARN      += -Werror
endif
CPPFLAGS  += -D_POSIX_C_SOURCE=200809L -DWFM_VERSION='"$(VERSION)"' -Ilib
CFLAGS    ?= -g
ALL_CFLAGS = -std=c11 $(OPT) $(CFLAGS) $(WARN) -MMD -MP
ifneq ($(SANITIZE),)
ALL_CFLAGS += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS    += -fsanitize=$(SANITIZE)
endif

# pkg-config where a .pc exists; libcsv and GLPK ship none.  Deferred (=) so
# that a Makefile read before install-deps ran does not need them yet.
PKG_CFLAGS  = $(shell pkg-config --cflags gsl xlsxwriter 2>/dev/null)
PKG_LIBS    = $(shell pkg-config --libs gsl xlsxwriter 2>/dev/null) -lglpk -lcsv -lm
TEST_CFLAGS = $(shell pkg-config --cflags cmocka 2>/dev/null)
TEST_LIBS   = $(shell pkg-config --libs cmocka 2>/dev/null)

ifeq ($(V),1)
Q :=
else
Q := @
endif

LIB_SRC    := $(wildcard lib/*/*.c)
LIB_OBJ    := $(LIB_SRC:%.c=$(BUILD)/%.o)
CMD_SRC    := $(wildcard cmd/wfm-*.c)
CMD_COMMON := $(filter-out cmd/wfm-%.c,$(wildcard cmd/*.c))
CMD_COBJ   := $(CMD_COMMON:%.c=$(BUILD)/%.o)
PROGS      := $(CMD_SRC:cmd/%.c=$(BUILD)/bin/%)
TEST_SRC   := $(wildcard tests/unit/test_*.c)
TESTS      := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
LIBWFM     := $(BUILD)/libwfm.a
MAN1       := $(wildcard man/*.1)
MAN5       := $(wildcard man/*.5)
# The fuzz harnesses (tests/fuzz/fuzz_NAME.c): `make check` builds each with
# a plain driver and runs it over its seeds and past crashers; `make fuzz`
# builds them with clang's libFuzzer into FUZZ_BUILD and runs each.
FUZZERS      := csv value history config planin
FUZZ_DRIVERS := $(FUZZERS:%=$(BUILD)/tests/fuzz_%)
FUZZ_BINS    := $(FUZZERS:%=$(BUILD)/fuzz/fuzz_%)
FUZZ_BUILD   ?= build-fuzz
FUZZ_SECONDS ?= 600

.PHONY: all test check check-layers check-fuzz check-man man demo bench install uninstall clean deps \
	fuzz fuzz-bins bad
.SUFFIXES:
.SECONDARY:

all: $(LIBWFM) $(PROGS)

# Rebuild everything when the compiler flags change (CC, SANITIZE, WERROR, OPT,
# CFLAGS ...): build/.flags holds the flags of the last build and is rewritten,
# while the Makefile is read, only when they differ, so its date tells make
# what is out of date.  (A FORCE prerequisite would not do: .SECONDARY below
# makes make skip the recipe of a missing phony prerequisite.)
FLAGS_NOW := $(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS)
ifneq ($(file <$(BUILD)/.flags),$(FLAGS_NOW))
$(shell mkdir -p $(BUILD))
$(file >$(BUILD)/.flags,$(FLAGS_NOW))
endif

$(BUILD)/%.o: %.c $(BUILD)/.flags
	@mkdir -p $(dir $@)
	@$(if $(Q),echo '  CC      $<')
	$(Q)$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%.o: tests/unit/%.c $(BUILD)/.flags
	@mkdir -p $(dir $@)
	@$(if $(Q),echo '  CC      $<')
	$(Q)$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(TEST_CFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(LIBWFM): $(LIB_OBJ)
	@$(if $(Q),echo '  AR      $@')
	$(Q)rm -f $@ && ar rcs $@ $^

$(BUILD)/bin/%: $(BUILD)/cmd/%.o $(CMD_COBJ) $(LIBWFM)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo '  LD      $@')
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(CMD_COBJ) $(LIBWFM) $(PKG_LIBS)

# The fault-injection test: the library's allocations go through
# tests/unit/failalloc.c (a link-time wrapper, nothing in the library).
FAIL_WRAP := -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=strdup
$(BUILD)/tests/test_fault: $(BUILD)/tests/test_fault.o $(BUILD)/tests/failalloc.o $(LIBWFM)
	@$(if $(Q),echo '  LD      $@')
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) $(FAIL_WRAP) -o $@ $< $(BUILD)/tests/failalloc.o \
		$(LIBWFM) $(TEST_LIBS) $(PKG_LIBS)

$(BUILD)/tests/%: $(BUILD)/tests/%.o $(LIBWFM)
	@$(if $(Q),echo '  LD      $@')
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(LIBWFM) $(TEST_LIBS) $(PKG_LIBS)

# A harness with the plain driver (tests/fuzz/driver.c), for make check.
$(BUILD)/tests/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/driver.c tests/fuzz/fuzz_util.c \
		tests/fuzz/fuzz_util.h $(LIBWFM)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo '  LD      $@')
	$(Q)$(CC) $(CPPFLAGS) -Itests/fuzz $(PKG_CFLAGS) $(filter-out -MMD -MP,$(ALL_CFLAGS)) \
		$(LDFLAGS) -o $@ $(filter %.c,$^) $(LIBWFM) $(PKG_LIBS)

# A harness with libFuzzer (only in the FUZZ_BUILD of make fuzz).
$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_util.c tests/fuzz/fuzz_util.h \
		$(LIBWFM)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo '  LD      $@')
	$(Q)$(CC) $(CPPFLAGS) -Itests/fuzz $(PKG_CFLAGS) $(filter-out -MMD -MP,$(ALL_CFLAGS)) \
		$(LDFLAGS) -fsanitize=fuzzer -o $@ $(filter %.c,$^) $(LIBWFM) $(PKG_LIBS)

fuzz-bins: $(FUZZ_BINS)

deps:
	@scripts/install-deps

# The two set-up commands of the README.  Each works alone on a fresh machine.
test: deps
	@$(MAKE) --no-print-directory WERROR=1 check

check: all $(TESTS) check-layers check-fuzz
	@tests/run-unit $(TESTS)
	@tests/cli/run --bin $(BUILD)/bin
	@tests/bad/run --bin $(BUILD)/bin
ifeq ($(BUILD),build)
	@tests/readme/run
endif
	@$(MAKE) --no-print-directory check-man

# Only the bad-input corpus (tests/bad/): each case its exit code and message,
# nothing written, no guarded file changed.
bad: all
	@tests/bad/run --bin $(BUILD)/bin

# The manual pages: OPTIONS as each program's --help says (scripts/gen-man;
# `make man` rewrites them), no groff warning, every example run, and
# `make install` puts each page where man finds it.
check-man: all
	@scripts/gen-man --check --bin $(BUILD)/bin
	@tests/man/lint $(MAN1) $(MAN5)
	@tests/man/run-examples --bin $(BUILD)/bin
	@rm -rf $(BUILD)/stage && $(MAKE) --no-print-directory install DESTDIR=$(BUILD)/stage \
		PREFIX=/usr >/dev/null && for p in $(MAN1:man/%=man1/%) $(MAN5:man/%=man5/%); do \
		test -f $(BUILD)/stage/usr/share/man/$$p || { echo "man: $$p not installed"; \
		exit 1; }; done && echo "man: $(words $(MAN1) $(MAN5)) pages installed" && \
		rm -rf $(BUILD)/stage

man: all
	@scripts/gen-man --bin $(BUILD)/bin

# The fuzz harnesses over their seeds and every crasher kept as a regression.
check-fuzz: $(FUZZ_DRIVERS)
	@tests/fuzz/check --bin $(BUILD)/tests --seeds $(BUILD)/fuzz-seeds $(FUZZERS)

# libFuzzer on every reader, FUZZ_SECONDS each, at the lowest priority; the
# corpus grows in $(FUZZ_BUILD)/corpus/NAME, crashers land in
# $(FUZZ_BUILD)/crashes/ (copy each into tests/fuzz/regress/NAME/).
fuzz:
	@scripts/install-deps --clang
	@$(MAKE) --no-print-directory CC=clang BUILD=$(FUZZ_BUILD) SANITIZE=address,undefined \
		CFLAGS='-g -fsanitize=fuzzer-no-link' fuzz-bins
	@tests/fuzz/run --bin $(FUZZ_BUILD)/fuzz --out $(FUZZ_BUILD) --seconds $(FUZZ_SECONDS) \
		$(FUZZERS)

# The folder rules of CONTRIBUTING.md and no circles between lib/ files.
check-layers: $(LIBWFM)
	@scripts/check-layers --lib $(LIBWFM)

demo: deps
	@$(MAKE) --no-print-directory all
	@scripts/weekly-run --bin $(BUILD)/bin --out $(BUILD)/demo
	@echo "demo: rerun a step with $(BUILD)/bin/wfm-week STEP $(BUILD)/demo (see wfm-week --help)"

bench: deps
	@$(MAKE) --no-print-directory all
	@scripts/bench --bin $(BUILD)/bin

install: all
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(PROGS) $(DESTDIR)$(PREFIX)/bin
	install -d $(DESTDIR)$(PREFIX)/share/wfm
	install -m 644 data/wfm.conf $(DESTDIR)$(PREFIX)/share/wfm/wfm.conf.example
	install -d $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/man/man5
	install -m 644 $(MAN1) $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 644 $(MAN5) $(DESTDIR)$(PREFIX)/share/man/man5

uninstall:
	rm -f $(PROGS:$(BUILD)/bin/%=$(DESTDIR)$(PREFIX)/bin/%)
	rm -rf $(DESTDIR)$(PREFIX)/share/wfm
	rm -f $(MAN1:man/%=$(DESTDIR)$(PREFIX)/share/man/man1/%)
	rm -f $(MAN5:man/%=$(DESTDIR)$(PREFIX)/share/man/man5/%)

clean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
