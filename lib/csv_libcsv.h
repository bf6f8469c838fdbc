/* csv_libcsv.h - private to csv.c: brings in libcsv's own <csv.h>.
 *
 * libcsv installs its header as <csv.h>, the name of our lib/csv.h, and the
 * build puts lib/ on the include path (-Ilib), so a plain #include <csv.h>
 * finds ours.  csv.c includes this file as <csv_libcsv.h>, i.e. found
 * through that same include path, and #include_next (GCC and Clang) then
 * carries on searching the directories after lib/, where libcsv's header is.
 */
#ifndef WFM_CSV_LIBCSV_H
#define WFM_CSV_LIBCSV_H

#include_next <csv.h>

#ifndef LIBCSV_H__
#error "csv_libcsv.h did not find libcsv's csv.h (install libcsv-dev)"
#endif

#endif
