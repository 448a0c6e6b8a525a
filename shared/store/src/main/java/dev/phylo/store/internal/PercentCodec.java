package dev.phylo.store.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding as libpq applies it to connection URIs: {@code %XX} is a UTF-8 byte and
 * {@code +} stays a plus sign (unlike {@link java.net.URLDecoder}, which turns it into a space).
 */
public final class PercentCodec {

    private static final String UNRESERVED_EXTRA = "-._~";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentCodec() {}

    /**
     * Decodes {@code %XX} escapes.
     *
     * @throws IllegalArgumentException on a truncated or non-hex escape; the message names the position only,
     *                                  never the text, because the text may be a password
     */
    public static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            int escape = text.indexOf('%', i);
            if (escape < 0) {
                bytes.writeBytes(text.substring(i).getBytes(StandardCharsets.UTF_8));
                break;
            }
            bytes.writeBytes(text.substring(i, escape).getBytes(StandardCharsets.UTF_8));
            if (escape + 2 >= text.length()) {
                throw new IllegalArgumentException("truncated percent escape at character " + escape);
            }
            int high = hexValue(text.charAt(escape + 1));
            int low = hexValue(text.charAt(escape + 2));
            if (high < 0 || low < 0) {
                throw new IllegalArgumentException("invalid percent escape at character " + escape);
            }
            bytes.write(high << 4 | low);
            i = escape + 3;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * Encodes everything except RFC 3986 unreserved characters and the characters in {@code keep}.
     * A {@code +} is always encoded, because pgJDBC decodes query values with {@link java.net.URLDecoder}.
     */
    public static String encode(String text, String keep) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (isUnreserved(c) || (c != '+' && c < 0x80 && keep.indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0x0F]).append(HEX[b & 0x0F]);
            }
        }
        return out.toString();
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || UNRESERVED_EXTRA.indexOf(c) >= 0;
    }
}
