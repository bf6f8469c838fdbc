# bench_roll.R - R's forecast package by rolling origin, for
# scripts/bench-forecast (run when `library(forecast)` loads; not a test).
#
#   Rscript bench_roll.R IN OUT ORIGINS H [--no-tbats] [--methods a,b,...]
#
# IN is `date,y,open`: every calendar day of one series, open 1 or 0, y the
# day's count (empty on an open day without data: missing, filled by
# na.interp for the methods that need a complete series).  ORIGINS is a
# comma-separated list of dates; from each origin the methods are fitted on
# the open days before it and forecast the open days of the next H calendar
# days (closed days are 0 and not written: the open days are modelled as one
# series, its season the number of open days a week, 7 or 5).  The methods:
#   ets     ets() on ts(frequency = season)
#   stlf    stlf() on msts(season, season * 365.25 / 7) with two years of
#           history, else ts(frequency = season)
#   arima   auto.arima() on ts(frequency = season)
#   tbats   tbats() on the msts of stlf, one core
#   hw      damped Holt-Winters, hw(damped = TRUE)
#   snaive  the last same weekday
#   meanwd  the mean of the last 4 same weekdays (no interval)
# OUT gets `method,origin,date,forecast,lo,hi` (lo, hi the 80 % interval)
# and rows `#cpu,method,seconds` with each method's CPU time over the origins.
suppressPackageStartupMessages(library(forecast))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 4)
	stop("usage: bench_roll.R IN OUT ORIGINS H [--no-tbats] [--methods a,b]")
d <- read.csv(args[1], colClasses = c("character", "numeric", "integer"))
out <- args[2]
origins <- as.Date(strsplit(args[3], ",")[[1]])
h <- as.integer(args[4])
methods <- c("ets", "stlf", "arima", "tbats", "hw", "snaive", "meanwd")
if ("--no-tbats" %in% args)
	methods <- setdiff(methods, "tbats")
k <- which(args == "--methods")
if (length(k) == 1)
	methods <- strsplit(args[k + 1], ",")[[1]]
d$date <- as.Date(d$date)

fit_one <- function(m, y, season, hh) {
	long <- length(y) >= 2 * round(season * 365.25 / 7)
	ms <- if (long) msts(y, seasonal.periods = c(season, season * 365.25 / 7)) else
		ts(y, frequency = season)
	t7 <- ts(y, frequency = season)
	f <- switch(m,
		ets = forecast(ets(t7), h = hh, level = 80),
		stlf = stlf(ms, h = hh, level = 80),
		arima = forecast(auto.arima(t7), h = hh, level = 80),
		tbats = forecast(tbats(ms, use.parallel = FALSE), h = hh, level = 80),
		hw = hw(t7, damped = TRUE, h = hh, level = 80),
		snaive = snaive(t7, h = hh, level = 80),
		meanwd = {
			n <- length(y)
			v <- sapply(seq_len(hh), function(j) {
				ph <- (j - 1) %% season + 1
				idx <- n - season * (1:4) + ph
				mean(y[idx[idx >= 1]])
			})
			list(mean = v, lower = matrix(NA, hh, 1), upper = matrix(NA, hh, 1))
		})
	cbind(as.numeric(f$mean), as.numeric(f$lower[, 1]), as.numeric(f$upper[, 1]))
}

rows <- list()
cpu <- setNames(rep(0, length(methods)), methods)
for (o in as.list(origins)) {
	tr <- d[d$date < o & d$open == 1, ]
	te <- d[d$date >= o & d$date < o + h & d$open == 1, ]
	if (nrow(tr) < 28 || nrow(te) == 0)
		next
	last <- tail(d[d$date < o, ], 364)
	season <- round(7 * mean(last$open))
	y <- tr$y
	if (any(is.na(y)))
		y <- as.numeric(na.interp(ts(y, frequency = season)))
	for (m in methods) {
		st <- system.time(r <- tryCatch(fit_one(m, y, season, nrow(te)),
						error = function(e) NULL))
		cpu[m] <- cpu[m] + st[["user.self"]] + st[["sys.self"]]
		if (is.null(r))
			next
		r[, 1] <- pmax(r[, 1], 0)
		rows[[length(rows) + 1]] <- data.frame(method = m, origin = format(o),
			date = format(te$date), forecast = round(r[, 1], 3),
			lo = round(pmax(r[, 2], 0), 3), hi = round(r[, 3], 3))
	}
}
res <- do.call(rbind, rows)
write.csv(res, out, row.names = FALSE, quote = FALSE, na = "")
cat(sprintf("#cpu,%s,%.2f\n", names(cpu), cpu), file = out, append = TRUE, sep = "")
