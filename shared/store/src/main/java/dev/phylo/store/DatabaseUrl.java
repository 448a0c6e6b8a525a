package dev.phylo.store;

import dev.phylo.store.internal.PercentCodec;
import dev.phylo.store.internal.UrlRedaction;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * A PostgreSQL connection URL as libpq and the Neon console write it:
 * {@code postgresql://user:password@host:port/dbname?sslmode=verify-full&sslrootcert=/path/ca.pem}.
 *
 * <p>User, password and database are stored percent-decoded. The remaining query parameters keep their order
 * and are passed through to {@link #toJdbcUrl()} untouched (libpq names such as {@code sslmode},
 * {@code sslrootcert} and {@code options} mean the same to pgJDBC). {@link #toString()} masks the password;
 * only {@link #toConnectionUri()} and {@link #password()} reveal it.
 *
 * @param user     role name, never blank
 * @param password password, empty when none is given
 * @param host     host name or IP address, without IPv6 brackets
 * @param port     TCP port, 5432 when the URL names none
 * @param database database name; the user name when the URL names none (as libpq does)
 * @param params   the other query parameters, decoded, in their original order
 */
public record DatabaseUrl(
        String user, String password, String host, int port, String database, Map<String, String> params) {

    public static final int DEFAULT_PORT = 5432;

    private static final String SCHEME = "postgresql://";
    private static final String SHORT_SCHEME = "postgres://";
    /** A host name (internationalised ones too) or an IPv4 or IPv6 address, with an IPv6 zone after '%'. */
    private static final Pattern HOST = Pattern.compile("[\\p{L}\\p{N}._~:%-]+");

    /** Characters left readable in query values: paths such as {@code sslrootcert=/etc/ssl/ca.pem}. */
    private static final String QUERY_VALUE_SAFE = "/:,@";

    public DatabaseUrl {
        requireText("user", user);
        requireText("host", host);
        if (!HOST.matcher(host).matches() || (host.indexOf('%') >= 0 && host.indexOf(':') < 0)) {
            // a URL could not carry it back: '/', '@', '?', '#', brackets, spaces and controls end or split the host,
            // and a '%' outside an IPv6 address's zone would read back as a percent escape (found by fuzzing a secret)
            throw new InvalidDatabaseUrlException("host '" + host.replaceAll("\\p{Cntrl}", "?")
                    + "' is not a host name or IP address (letters, digits, '.', '-', '_', '~', and ':' or '%' in an"
                    + " IPv6 address)");
        }
        requireText("database", database);
        if (password == null) {
            throw new InvalidDatabaseUrlException("password is null; use an empty string for none");
        }
        if (port < 1 || port > 65535) {
            throw new InvalidDatabaseUrlException("port out of range 1..65535: " + port);
        }
        if (params == null) {
            throw new InvalidDatabaseUrlException("params is null");
        }
        for (Map.Entry<String, String> param : params.entrySet()) {
            String name = param.getKey();
            if (name == null || name.isEmpty() || param.getValue() == null) {
                throw new InvalidDatabaseUrlException("query parameter with empty name or null value: '" + name + "'");
            }
            if (isCredentialParam(name) || isTargetParam(name)) {
                throw new InvalidDatabaseUrlException("query parameter '" + name
                        + "' belongs in the URL's user, password, host, port or database part");
            }
        }
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A URL without extra parameters. */
    public static DatabaseUrl of(String user, String password, String host, int port, String database) {
        return new DatabaseUrl(user, password, host, port, database, Map.of());
    }

    /**
     * Parses a {@code postgresql://} or {@code postgres://} URL.
     *
     * <p>As in libpq, the user-info ends at the first {@code @} before the first {@code /}, so a password holding
     * {@code @}, {@code /} or {@code :} must be percent-encoded. Query parameters {@code user}, {@code password}
     * and {@code dbname} override the corresponding URL parts, as in libpq.
     *
     * @throws InvalidDatabaseUrlException naming what is wrong and showing the URL with its password masked
     */
    public static DatabaseUrl parse(String url) {
        if (url == null) {
            throw new InvalidDatabaseUrlException("database URL is null");
        }
        return new Parser(url).parse();
    }

    /** The same server and credentials, another database. */
    public DatabaseUrl withDatabase(String name) {
        return new DatabaseUrl(user, password, host, port, name, params);
    }

    /** The same URL with a query parameter set (replacing an existing value in place, else appended). */
    public DatabaseUrl withParam(String name, String value) {
        requireText("parameter name", name);
        if (value == null) {
            throw new InvalidDatabaseUrlException("value of parameter '" + name + "' is null");
        }
        Map<String, String> copy = new LinkedHashMap<>(params);
        copy.put(name, value);
        return new DatabaseUrl(user, password, host, port, database, copy);
    }

    /** The same URL without the named query parameters (absent ones are ignored). */
    public DatabaseUrl withoutParams(Collection<String> names) {
        Map<String, String> copy = new LinkedHashMap<>(params);
        copy.keySet().removeAll(names);
        return new DatabaseUrl(user, password, host, port, database, copy);
    }

    /** The value of a query parameter, if present. */
    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    /** {@code jdbc:postgresql://host:port/db?params}; credentials are not part of it, pass {@link #user()} and {@link #password()}. */
    public String toJdbcUrl() {
        return "jdbc:postgresql://" + hostAndPort() + "/" + PercentCodec.encode(database, "") + query();
    }

    /**
     * {@code postgresql://host:port/db?params} without user or password: the target alone, as the Quarkus reactive
     * datasource takes it (credentials go in their own properties).
     */
    public String toServerUri() {
        return SCHEME + hostAndPort() + "/" + PercentCodec.encode(database, "") + query();
    }

    /** The full {@code postgresql://} URI including the password. Never log it. */
    public String toConnectionUri() {
        String credentials =
                PercentCodec.encode(user, "") + (password.isEmpty() ? "" : ":" + PercentCodec.encode(password, ""));
        return SCHEME + credentials + "@" + hostAndPort() + "/" + PercentCodec.encode(database, "") + query();
    }

    /** The URI with the password masked: {@code postgresql://user:***@host:5432/db?sslmode=require}. */
    @Override
    public String toString() {
        String credentials = PercentCodec.encode(user, "") + (password.isEmpty() ? "" : ":" + UrlRedaction.MASK);
        return SCHEME + credentials + "@" + hostAndPort() + "/" + PercentCodec.encode(database, "") + query();
    }

    private String hostAndPort() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    private String query() {
        if (params.isEmpty()) {
            return "";
        }
        StringJoiner joined = new StringJoiner("&", "?", "");
        params.forEach((name, value) ->
                joined.add(PercentCodec.encode(name, "") + "=" + PercentCodec.encode(value, QUERY_VALUE_SAFE)));
        return joined.toString();
    }

    private static void requireText(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidDatabaseUrlException(what + " is missing or blank: '" + value + "'");
        }
    }

    private static boolean isCredentialParam(String name) {
        return name.equals("user") || name.equals("password") || name.equals("dbname");
    }

    private static boolean isTargetParam(String name) {
        return name.equals("host") || name.equals("hostaddr") || name.equals("port");
    }

    /** One parse; every failure names the problem and shows the redacted URL. */
    private static final class Parser {
        private final String url;

        Parser(String url) {
            this.url = url;
        }

        DatabaseUrl parse() {
            String lower = url.toLowerCase(Locale.ROOT);
            String rest;
            if (lower.startsWith(SCHEME)) {
                rest = url.substring(SCHEME.length());
            } else if (lower.startsWith(SHORT_SCHEME)) {
                rest = url.substring(SHORT_SCHEME.length());
            } else {
                throw fail("expected a URL starting with postgresql:// or postgres://");
            }
            if (rest.indexOf('#') >= 0) {
                throw fail("a fragment (#...) is not allowed");
            }

            String user = null;
            String password = "";
            int credentialsEnd = indexOfAny(rest, "@/");
            if (credentialsEnd >= 0 && rest.charAt(credentialsEnd) == '@') {
                String userInfo = rest.substring(0, credentialsEnd);
                int colon = userInfo.indexOf(':');
                user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), "user");
                password = colon < 0 ? "" : decode(userInfo.substring(colon + 1), "password");
                rest = rest.substring(credentialsEnd + 1);
            }

            int queryStart = rest.indexOf('?');
            String query = queryStart < 0 ? "" : rest.substring(queryStart + 1);
            String beforeQuery = queryStart < 0 ? rest : rest.substring(0, queryStart);
            int slash = beforeQuery.indexOf('/');
            String hostPort = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
            String database = slash < 0 ? "" : decode(beforeQuery.substring(slash + 1), "database");

            String host;
            String portText;
            if (hostPort.startsWith("[")) {
                int close = hostPort.indexOf(']');
                if (close < 0) {
                    throw fail("unclosed '[' in IPv6 host");
                }
                host = hostPort.substring(1, close);
                String afterHost = hostPort.substring(close + 1);
                if (!afterHost.isEmpty() && !afterHost.startsWith(":")) {
                    throw fail("unexpected text after IPv6 host");
                }
                portText = afterHost.isEmpty() ? "" : afterHost.substring(1);
            } else {
                if (hostPort.indexOf(',') >= 0) {
                    throw fail("several hosts are not supported");
                }
                int colon = hostPort.indexOf(':');
                host = decode(colon < 0 ? hostPort : hostPort.substring(0, colon), "host");
                portText = colon < 0 ? "" : hostPort.substring(colon + 1);
            }
            if (host.isEmpty()) {
                throw fail("host is missing");
            }
            int port = parsePort(portText);

            Map<String, String> params = new LinkedHashMap<>();
            if (!query.isEmpty()) {
                for (String pair : query.split("&", -1)) {
                    int equals = pair.indexOf('=');
                    if (pair.isEmpty() || equals <= 0) {
                        throw fail("every query parameter needs the form name=value");
                    }
                    String name = decode(pair.substring(0, equals), "query parameter name");
                    String value = decode(pair.substring(equals + 1), "query parameter value");
                    if (isTargetParam(name)) {
                        throw fail("query parameter '" + name + "' is not supported; put it in the host:port part");
                    }
                    if (params.put(name, value) != null) {
                        throw fail("query parameter '" + name + "' is given twice");
                    }
                }
            }
            String fromQueryUser = params.remove("user");
            String fromQueryPassword = params.remove("password");
            String fromQueryDatabase = params.remove("dbname");
            user = fromQueryUser != null ? fromQueryUser : user;
            password = fromQueryPassword != null ? fromQueryPassword : password;
            database = fromQueryDatabase != null ? fromQueryDatabase : database;
            if (user == null || user.isEmpty()) {
                throw fail("user is missing");
            }
            if (database.isEmpty()) {
                database = user;
            }
            return new DatabaseUrl(user, password, host, port, database, params);
        }

        private int parsePort(String text) {
            if (text.isEmpty()) {
                return DEFAULT_PORT;
            }
            if (text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw fail("port is not a number in 1..65535");
            }
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65535) {
                throw fail("port is not a number in 1..65535");
            }
            return port;
        }

        private String decode(String text, String part) {
            try {
                return PercentCodec.decode(text);
            } catch (IllegalArgumentException e) {
                throw fail("bad percent-encoding in the " + part + " (" + e.getMessage() + ")");
            }
        }

        private InvalidDatabaseUrlException fail(String problem) {
            return new InvalidDatabaseUrlException(
                    "Invalid database URL, " + problem + ": " + UrlRedaction.redact(url));
        }

        private static int indexOfAny(String text, String chars) {
            for (int i = 0; i < text.length(); i++) {
                if (chars.indexOf(text.charAt(i)) >= 0) {
                    return i;
                }
            }
            return -1;
        }
    }
}
