# bench_forecast.R - R's forecast package on the splits of scripts/bench-forecast
# (run by it when `library(forecast)` loads; not a test).
#
#   Rscript bench_forecast.R daily FILE [--no-tbats]
#       FILE `date,calls`, one row a day without gaps: the last 56 days are
#       held out and forecast from the rest by
#         stlf    STL per season of msts(7, 365.25), ETS on the adjusted series
#         ets     ets() on ts(frequency 7)
#         tbats   tbats() on msts(7, 365.25), one core (use.parallel = FALSE)
#         snaive  the last week repeated
#   Rscript bench_forecast.R intraday FILE
#       FILE `timestamp,calls` at 5 minutes, 169 a day (absent days simply
#       absent, as in fpp2's `calls`): the last 30 days (30 x 169 values) are
#       held out and forecast by
#         hw      stats::HoltWinters, additive, period 845 (a week of 5 days);
#                 point forecast by predict() (forecast() would add about 200 s
#                 of prediction intervals)
#         snaive  the last 845 values repeated
#       tbats is not run here: on 5-minute data it takes minutes (409 s
#       measured on this kind of machine) and was never the best.
#
# Prints one row per method: name, WAPE % (sum |error| / sum actual on the
# held-out values), MASE (daily only: mean |error| over the in-sample mean
# |y[t] - y[t-7]|) and the CPU seconds (user + system) of fit plus forecast.
suppressPackageStartupMessages(library(forecast))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 2 || !(args[1] %in% c("daily", "intraday")))
	stop("usage: bench_forecast.R daily FILE [--no-tbats] | intraday FILE")
mode <- args[1]
d <- read.csv(args[2])
y <- as.numeric(d[[2]])
n <- length(y)
h <- if (mode == "daily") 56 else 30 * 169
tr <- y[1:(n - h)]
te <- y[(n - h + 1):n]
scale <- mean(abs(diff(tr, lag = 7)))

row <- function(name, fc, secs) {
	f <- as.numeric(fc)[1:h]
	w <- 100 * sum(abs(te - f)) / sum(te)
	m <- if (mode == "daily") sprintf("%7.3f", mean(abs(te - f)) / scale) else sprintf("%7s", "")
	cat(sprintf("%-8s %7.2f %s %9.3f\n", name, w, m, secs))
}
timed <- function(expr) {
	st <- system.time(v <- expr)
	t <- st[["user.self"]] + st[["sys.self"]]
	list(v = v, t = t)
}

cat(sprintf("R forecast %s, %s: %d values, test = last %d\n",
	    as.character(packageVersion("forecast")), basename(args[2]), n, h))
cat(sprintf("%-8s %7s %7s %9s\n", "method", "WAPE%", "MASE", "cpu_s"))
if (mode == "daily") {
	r <- timed(stlf(msts(tr, seasonal.periods = c(7, 365.25)), h = h)$mean)
	row("stlf", r$v, r$t)
	r <- timed(forecast(ets(ts(tr, frequency = 7)), h = h)$mean)
	row("ets", r$v, r$t)
	if (!("--no-tbats" %in% args)) {
		r <- timed(forecast(tbats(msts(tr, seasonal.periods = c(7, 365.25)),
					  use.parallel = FALSE), h = h)$mean)
		row("tbats", r$v, r$t)
	}
	r <- timed(snaive(ts(tr, frequency = 7), h = h)$mean)
	row("snaive", r$v, r$t)
} else {
	r <- timed(predict(HoltWinters(ts(tr, frequency = 845)), n.ahead = h))
	row("hw", r$v, r$t)
	r <- timed(snaive(ts(tr, frequency = 845), h = h)$mean)
	row("snaive", r$v, r$t)
}
