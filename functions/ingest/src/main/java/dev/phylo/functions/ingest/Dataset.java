package dev.phylo.functions.ingest;

import dev.phylo.engine.data.BarInterval;
import dev.phylo.function.InvalidRequestException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The (symbol, interval) an object holds. Taken, in order, from the request, from the object's metadata
 * ({@code x-amz-meta-symbol}, {@code x-amz-meta-interval}), or from the key laid out as
 * {@code …/<SYMBOL>/<INTERVAL>/<name>.csv[.gz]} (e.g. {@code raw/ORCL/1d/orcl-1995-2014.csv}).
 */
record Dataset(String symbol, BarInterval interval) {

    /** Tickers, FX pairs, index and futures codes: {@code ORCL}, {@code ^GSPC}, {@code EUR/USD}, {@code ES=F}. */
    static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9^][A-Za-z0-9._^=/:-]{0,39}");

    static Dataset resolve(SourceObject object, String requestSymbol, String requestInterval) {
        Map<String, String> meta = object.metadata();
        String[] segments = object.key().split("/");
        String fromKeySymbol = segments.length >= 3 ? segments[segments.length - 3] : null;
        String fromKeyInterval = segments.length >= 3 ? segments[segments.length - 2] : null;
        String symbol = first(requestSymbol, meta.get("symbol"), fromKeySymbol);
        String interval = first(requestInterval, meta.get("interval"), fromKeyInterval);
        if (symbol == null || interval == null) {
            throw new InvalidRequestException(
                    "cannot tell the symbol and interval of " + object.uri() + ": put it under "
                            + "<symbol>/<interval>/ (e.g. raw/ORCL/1d/file.csv), set object metadata 'symbol' and "
                            + "'interval', or pass them in the request");
        }
        if (!SYMBOL.matcher(symbol).matches()) {
            throw new InvalidRequestException("bad symbol '" + symbol + "' for " + object.uri() + ": expected 1-40 of "
                    + "letters, digits and ._^=/:- starting with a letter, digit or ^");
        }
        BarInterval parsed;
        try {
            parsed = BarInterval.parse(interval);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(
                    "bad interval '" + interval + "' for " + object.uri() + ": " + e.getMessage(), e);
        }
        return new Dataset(symbol, parsed);
    }

    private static String first(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c.trim();
            }
        }
        return null;
    }
}
