# scripts/check-layers on a small tree of its own: a clean tree passes; an
# engine that includes the I/O layer or another's third-party library, the
# run layer or a program including a private header, a header of the own
# folder named with its folder and a header that does not exist are each
# named and fail the check.
mkdir -p t/lib/common t/lib/io t/lib/plan t/lib/run t/cmd
printf '#include "err.h"\n' > t/lib/common/date.c
printf '/* err */\n' > t/lib/common/err.h
printf '/* csv */\n' > t/lib/io/csv.h
printf '#include "common/err.h"\n#include <csv.h>\n' > t/lib/io/csv.c
printf '#include "common/err.h"\n#include <glpk.h>\n#include "plan_impl.h"\n' > t/lib/plan/plan.c
printf '/* private */\n' > t/lib/plan/plan_impl.h
printf '#include "common/err.h"\n' > t/lib/plan/plan.h
printf '#include "io/csv.h"\n#include "plan/plan.h"\n' > t/lib/run/planrun.c
printf '#include "io/csv.h"\n' > t/cmd/tool.h
"$ROOT/scripts/check-layers" --root t; echo "clean: $?"
printf '#include "io/csv.h"\n#include <gsl/gsl_math.h>\n#include "plan/plan.h"\n' >> t/lib/plan/plan.c
printf '#include "plan/plan_impl.h"\n' >> t/lib/run/planrun.c
printf '#include "plan/plan_impl.h"\n#include "nope.h"\n' > t/cmd/wfm-x.c
"$ROOT/scripts/check-layers" --root t 2>&1; echo "broken: $?"
# two files of a library that call each other
mkdir -p o && cd o
printf 'void pong(void);\nvoid ping(void) { pong(); }\n' > ping.c
printf 'void ping(void);\nvoid pong(void) { ping(); }\nvoid solo(void) { }\n' > pong.c
printf 'void solo(void);\nvoid user(void) { solo(); }\n' > user.c
cc -c ping.c pong.c user.c && ar rcs lib.a ping.o pong.o user.o
cd ..
"$ROOT/scripts/check-layers" --root t --lib o/lib.a 2>&1 | grep circle; echo "circle: ${PIPESTATUS[0]}"
