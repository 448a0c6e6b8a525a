package dev.phylo.store.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the password of a {@code postgresql://} URL that may be malformed, for error messages.
 *
 * <p>It is deliberately conservative: everything between the first {@code :} of the user-info and the
 * <em>last</em> {@code @} of the whole text is masked, so a password holding an unescaped {@code /}, {@code ?}
 * or {@code @} is hidden too. A {@code password=} query parameter is masked as well.
 */
public final class UrlRedaction {

    public static final String MASK = "***";

    private static final Pattern PASSWORD_PARAM = Pattern.compile("([?&]password=)[^&]*", Pattern.CASE_INSENSITIVE);

    private UrlRedaction() {}

    public static String redact(String url) {
        if (url == null) {
            return "null";
        }
        int schemeEnd = url.indexOf("://");
        String prefix = schemeEnd < 0 ? "" : url.substring(0, schemeEnd + 3);
        String rest = schemeEnd < 0 ? url : url.substring(schemeEnd + 3);
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                rest = userInfo.substring(0, colon) + ":" + MASK + rest.substring(at);
            }
        }
        return prefix + PASSWORD_PARAM.matcher(rest).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    }
}
