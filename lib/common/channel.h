/* channel.h - the contact channels of the suite and their names. */
#ifndef WFM_CHANNEL_H
#define WFM_CHANNEL_H

enum wfm_channel {
	WFM_CH_PHONE,
	WFM_CH_EMAIL,
	WFM_CH_CHAT,
	WFM_CH_SOCIAL,
	WFM_CH_CALLBACK,
	WFM_NCHANNELS
};

/* Canonical name of channel `ch` ("phone" ...); "?" when out of range. */
const char *wfm_channel_name(int ch);

/* The channel named `s`: canonical names and the usual Dutch and English
 * spellings (telefoon, tel, voice, calls; e-mail, mail; chat; sociale media;
 * terugbellen, terugbelverzoek ...), case and accents ignored.  -1 when
 * unknown. */
int wfm_channel_parse(const char *s);

/* Whether channel `ch` is answered later (e-mail, social, callback) rather
 * than in a live queue. */
int wfm_channel_deferred(int ch);

#endif
