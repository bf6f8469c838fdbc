#include "wfm.h"

#include <glpk.h>
#include <gsl/gsl_errno.h>

void wfm_init(void)
{
	gsl_set_error_handler_off();
	glp_term_out(GLP_OFF);
}
