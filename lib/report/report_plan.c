/* report_plan.c - plan coverage, the leave allowance and the cost estimate;
 * see report.h. */
#include "report.h"

#include <math.h>

void wfm_cover_add(wfm_cover *c, double required, double planned, double hours)
{
	if (!(required >= 0) || !(planned >= 0) || !(hours >= 0) || !isfinite(required) ||
	    !isfinite(planned) || !isfinite(hours))
		return;
	c->required_h += required * hours;
	c->planned_h += planned * hours;
	if (planned < required)
		c->under_h += (required - planned) * hours;
	else
		c->over_h += (planned - required) * hours;
}

double wfm_cover_share(const wfm_cover *c)
{
	return c->required_h > 0 ? (c->required_h - c->under_h) / c->required_h : NAN;
}

long wfm_leave_allowance(double available_h, double required_h, double agent_day_h)
{
	double x;

	if (!(agent_day_h > 0) || !isfinite(agent_day_h) || !isfinite(available_h) ||
	    !isfinite(required_h))
		return -1;
	x = (available_h - required_h) / agent_day_h;
	if (!(x > 0))
		return 0;
	return (long)floor(x + 1e-9 * fmax(1, x));
}

wfm_cost wfm_cost_estimate(double hours, double hourly, double contacts, double price)
{
	wfm_cost c;

	c.staff = isfinite(hourly) ? hours * hourly : NAN;
	c.contacts = isfinite(price) ? contacts * price : NAN;
	c.total = isfinite(c.staff) ? c.staff + (isfinite(c.contacts) ? c.contacts : 0)
				    : c.contacts;
	return c;
}
