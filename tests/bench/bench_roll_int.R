# bench_roll_int.R - R's forecast package by rolling origin at interval grain,
# for scripts/bench-forecast (run when `library(forecast)` loads; not a test).
#
#   Rscript bench_roll_int.R IN OUT ORIGINS H [--methods a,b,...]
#
# IN is `date,time,y,open` (fc_roll.py rin --grain interval): a closed day is
# one row with open 0; an open day has one row per interval of the day, the
# same K times every day, y empty on every interval of an open day without
# data.  ORIGINS is a comma-separated list of dates; from each origin the
# methods are fitted on the open days before it and forecast every interval
# of the open days of the next H calendar days.  As in bench_roll.R, the open
# days are one series (closed days are left out, not zero), so a week is
# S = K x (open days a week) intervals: 845 for the bank (169 x 5).  An open
# day without data in the history is filled with the same intervals a week
# (S) before, or a week after for the first week (na.interp's STL at a period
# of 845 is slow and no better for a whole missing day).  The methods:
#   snaive    the same interval a week (S intervals) before: snaive() on
#             ts(frequency = S); after a missing day it repeats the filled
#             day
#   stlf      stlf() on ts(frequency = S): STL with the weekly period, ETS
#             on the seasonally adjusted series
#   stlf-ms   stlf() on msts(c(K, S)): MSTL with the daily and the weekly
#             period, ETS on the rest
#   dhr       (only with --methods: too slow to run by default) dynamic
#             harmonic regression, as fpp2 (11.1) fits this very bank
#             series: auto.arima(seasonal = FALSE, lambda = 0) with Fourier
#             terms of both periods as regressors, 10 pairs each
#             (fourier(msts, K = c(10, 10))); log scale, so a zero count is
#             raised to 0.5 first; one fit on the bank's 27,040 intervals
#             before its last origin had not ended after 402 s of CPU
#   ets-day   ets() on the day totals (ts(frequency = open days a week)),
#             spread over the day by the mean intraday profile
#   stlf-day  stlf() on the day totals, spread the same way; with two
#             years of history on msts(c(days a week, a year of open days)),
#             as in bench_roll.R
#   arima-day auto.arima() on the day totals, spread the same way
#   tbats-day tbats() on the day totals (one core, weekly period only: with
#             the yearly one it takes many minutes a fit), spread the same
#             way
# The intraday profile of a weekday is the share of each interval in the sum
# of the last 4 same weekdays with data before the origin (pooled: sum of
# the counts at the interval / sum of the day totals).  The spread methods
# have no interval per interval (lo, hi empty): their day interval is not
# an interval of one interval's count.  Left out (too slow at S = 845, see
# the README): tbats() on msts(c(K, S)) and a seasonal auto.arima() at
# period S.  OUT gets `method,origin,date,time,forecast,lo,hi` (lo, hi the
# 80 % interval) and rows `#cpu,method,seconds` with each method's CPU time
# over the origins.
suppressPackageStartupMessages(library(forecast))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 4)
	stop("usage: bench_roll_int.R IN OUT ORIGINS H [--methods a,b]")
d <- read.csv(args[1], colClasses = c("character", "character", "numeric", "integer"))
out <- args[2]
origins <- as.Date(strsplit(args[3], ",")[[1]])
h <- as.integer(args[4])
methods <- c("snaive", "stlf", "stlf-ms", "ets-day", "stlf-day", "arima-day", "tbats-day")
k <- which(args == "--methods")
if (length(k) == 1)
	methods <- strsplit(args[k + 1], ",")[[1]]
d$date <- as.Date(d$date)
op <- d[d$open == 1, ]
days <- unique(op$date)
K <- nrow(op) / length(days)
if (K != round(K) || any(table(op$date) != K))
	stop("every open day needs the same intervals")
times <- op$time[seq_len(K)]
# one row per open day, one column per interval
Y <- matrix(op$y, ncol = K, byrow = TRUE)
wd <- as.POSIXlt(days)$wday

# the intervals of the open days in x, the missing days filled a week back
series <- function(x, nd) {
	m <- Y[x, , drop = FALSE]
	miss <- which(is.na(m[, 1]))
	for (i in miss) {
		j <- if (i > nd) i - nd else i + nd
		while (j <= nrow(m) && is.na(m[j, 1]))
			j <- j + nd
		if (j > nrow(m))
			stop("a missing day with no week to fill it from")
		m[i, ] <- m[j, ]
	}
	m
}

# shares of each interval in the day for weekday w, from the last 4 open
# days of that weekday with data among x
profile <- function(x, w) {
	c <- x[wd[x] == w & !is.na(Y[x, 1])]
	c <- tail(c, 4)
	s <- colSums(Y[c, , drop = FALSE])
	s / sum(s)
}

fit_one <- function(m, x, te, nd) {
	yd <- series(x, nd)
	S <- K * nd
	y <- as.vector(t(yd))
	hh <- length(te) * K
	spread <- function(f) {
		p <- t(sapply(te, function(i) profile(x, wd[i])))
		v <- as.vector(t(p * as.numeric(f$mean)))
		cbind(v, NA, NA)
	}
	tot <- ts(rowSums(yd), frequency = nd)
	long <- length(tot) >= 2 * round(nd * 365.25 / 7)
	ms <- if (long) msts(tot, seasonal.periods = c(nd, nd * 365.25 / 7)) else tot
	f <- switch(m,
		snaive = snaive(ts(y, frequency = S), h = hh, level = 80),
		stlf = stlf(ts(y, frequency = S), h = hh, level = 80),
		"stlf-ms" = stlf(msts(y, seasonal.periods = c(K, S)), h = hh, level = 80),
		dhr = {
			z <- msts(pmax(y, 0.5), seasonal.periods = c(K, S))
			fit <- auto.arima(z, seasonal = FALSE, lambda = 0,
				xreg = fourier(z, K = c(10, 10)))
			forecast(fit, xreg = fourier(z, K = c(10, 10), h = hh), level = 80)
		},
		"ets-day" = return(spread(forecast(ets(tot), h = length(te)))),
		"stlf-day" = return(spread(stlf(ms, h = length(te)))),
		"arima-day" = return(spread(forecast(auto.arima(tot), h = length(te)))),
		"tbats-day" = return(spread(forecast(tbats(tot, use.parallel = FALSE),
			h = length(te)))))
	cbind(as.numeric(f$mean), as.numeric(f$lower[, 1]), as.numeric(f$upper[, 1]))
}

rows <- list()
cpu <- setNames(rep(0, length(methods)), methods)
for (o in as.list(origins)) {
	x <- which(days < o)
	te <- which(days >= o & days < o + h)
	if (length(x) < 28 || length(te) == 0)
		next
	last <- tail(d[d$date < o & !duplicated(d$date), ], 364)
	nd <- round(7 * mean(last$open))
	for (m in methods) {
		st <- system.time(r <- tryCatch(fit_one(m, x, te, nd),
						error = function(e) {
							message(m, " ", format(o), ": ", conditionMessage(e))
							NULL
						}))
		cpu[m] <- cpu[m] + st[["user.self"]] + st[["sys.self"]]
		if (is.null(r))
			next
		r[, 1] <- pmax(r[, 1], 0)
		rows[[length(rows) + 1]] <- data.frame(method = m, origin = format(o),
			date = format(rep(days[te], each = K)), time = rep(times, length(te)),
			forecast = round(r[, 1], 3), lo = round(pmax(r[, 2], 0), 3),
			hi = round(r[, 3], 3))
	}
}
res <- do.call(rbind, rows)
write.csv(res, out, row.names = FALSE, quote = FALSE, na = "")
cat(sprintf("#cpu,%s,%.2f\n", names(cpu), cpu), file = out, append = TRUE, sep = "")
