/* channel.c - channel names and spellings (see channel.h). */
#include "channel.h"

#include <string.h>

#include "fold.h"

static const char *const channel_names[WFM_NCHANNELS] = {
	"phone", "email", "chat", "social", "callback"
};

/* Folded spellings (see wfm_fold) of each channel. */
static const struct {
	const char *folded;
	int ch;
} channel_aliases[] = {
	{"phone", WFM_CH_PHONE},       {"telefoon", WFM_CH_PHONE},
	{"tel", WFM_CH_PHONE},         {"telefonie", WFM_CH_PHONE},
	{"voice", WFM_CH_PHONE},       {"call", WFM_CH_PHONE},
	{"calls", WFM_CH_PHONE},       {"oproep", WFM_CH_PHONE},
	{"oproepen", WFM_CH_PHONE},    {"email", WFM_CH_EMAIL},
	{"mail", WFM_CH_EMAIL},        {"mails", WFM_CH_EMAIL},
	{"emails", WFM_CH_EMAIL},      {"chat", WFM_CH_CHAT},
	{"chats", WFM_CH_CHAT},        {"webchat", WFM_CH_CHAT},
	{"social", WFM_CH_SOCIAL},     {"socialmedia", WFM_CH_SOCIAL},
	{"socialemedia", WFM_CH_SOCIAL}, {"sociale", WFM_CH_SOCIAL},
	{"callback", WFM_CH_CALLBACK}, {"callbacks", WFM_CH_CALLBACK},
	{"terugbellen", WFM_CH_CALLBACK}, {"terugbelverzoek", WFM_CH_CALLBACK},
	{"terugbelverzoeken", WFM_CH_CALLBACK}, {"terugbel", WFM_CH_CALLBACK},
};

const char *wfm_channel_name(int ch)
{
	return ch >= 0 && ch < WFM_NCHANNELS ? channel_names[ch] : "?";
}

int wfm_channel_parse(const char *s)
{
	char f[64];
	size_t i;

	wfm_fold(s, f, sizeof f);
	for (i = 0; i < sizeof channel_aliases / sizeof channel_aliases[0]; i++)
		if (strcmp(f, channel_aliases[i].folded) == 0)
			return channel_aliases[i].ch;
	return -1;
}

int wfm_channel_deferred(int ch)
{
	return ch == WFM_CH_EMAIL || ch == WFM_CH_SOCIAL || ch == WFM_CH_CALLBACK;
}
