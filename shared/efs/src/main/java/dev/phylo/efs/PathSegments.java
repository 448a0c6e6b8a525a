package dev.phylo.efs;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The reversible encoding that turns a name (a symbol such as {@code ^GSPC}, {@code EUR/USD} or {@code BTC-USD}, or an
 * interval label) into one path component.
 *
 * <p>Rules:
 * <ul>
 *   <li>{@code A-Z a-z 0-9 - _} stay as they are, and so does {@code .} except as the first character;</li>
 *   <li>every other character, and a leading {@code .}, becomes the {@code %XX} escapes (upper-case hex) of its UTF-8
 *       bytes: {@code ^GSPC} → {@code %5EGSPC}, {@code EUR/USD} → {@code EUR%2FUSD}, {@code .X} → {@code %2EX};</li>
 *   <li>names that are empty, {@code .} or {@code ..}, that contain control characters or unpaired surrogates, or
 *       whose encoding is longer than {@value #MAX_ENCODED_LENGTH} characters are rejected.</li>
 * </ul>
 * Every encoded component therefore starts with a character other than {@code .}, so it never collides with the
 * {@code .tmp-} files of an atomic write. Decoding accepts only the canonical encoding, so the mapping is one-to-one.
 * On a case-insensitive file system (macOS by default) names differing only in case share a directory; EFS is
 * case-sensitive.
 */
public final class PathSegments {
    /** Longest encoded component accepted (file systems allow 255 bytes; the rest is headroom). */
    public static final int MAX_ENCODED_LENGTH = 200;

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathSegments() {}

    /** The path component for {@code name}; throws {@link IllegalArgumentException} for names that cannot be one. */
    public static String encode(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("name must not be empty: " + (name == null ? "null" : "\"\""));
        }
        if (name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("name must not be '.' or '..': \"" + name + "\"");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException("name contains control character U+%04X at index %d: \"%s\""
                        .formatted((int) c, i, printable(name)));
            }
        }
        byte[] utf8 = utf8(name);
        StringBuilder out = new StringBuilder(utf8.length + 8);
        for (int i = 0; i < utf8.length; i++) {
            int b = utf8[i] & 0xFF;
            if (isLiteral(b, i == 0)) {
                out.append((char) b);
            } else {
                out.append('%').append(HEX[b >>> 4]).append(HEX[b & 0x0F]);
            }
        }
        if (out.length() > MAX_ENCODED_LENGTH) {
            throw new IllegalArgumentException(
                    "name too long: its path encoding has %d characters, at most %d allowed: \"%s\""
                            .formatted(out.length(), MAX_ENCODED_LENGTH, name));
        }
        return out.toString();
    }

    /** The name a component produced by {@link #encode} stands for; rejects anything {@code encode} cannot produce. */
    public static String decode(String segment) {
        if (segment == null || segment.isEmpty()) {
            throw new IllegalArgumentException("path segment must not be empty");
        }
        ByteBuffer bytes = ByteBuffer.allocate(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length()) {
                    throw new IllegalArgumentException(
                            "path segment has a truncated escape at index %d: \"%s\"".formatted(i, segment));
                }
                int hi = hexValue(segment.charAt(i + 1));
                int lo = hexValue(segment.charAt(i + 2));
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException(
                            "path segment has a bad escape at index %d (expected %%XX, upper-case hex): \"%s\""
                                    .formatted(i, segment));
                }
                bytes.put((byte) (hi << 4 | lo));
                i += 2;
            } else if (c < 0x80 && isLiteral(c, i == 0)) {
                bytes.put((byte) c);
            } else {
                throw new IllegalArgumentException(
                        "path segment has character '%s' at index %d that the encoding escapes: \"%s\""
                                .formatted(printable(String.valueOf(c)), i, segment));
            }
        }
        bytes.flip();
        String name;
        try {
            CharsetDecoder decoder = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            name = decoder.decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("path segment does not decode to UTF-8: \"" + segment + "\"", e);
        }
        if (!encode(name).equals(segment)) {
            throw new IllegalArgumentException(
                    "path segment is not in canonical form (expected \"%s\"): \"%s\"".formatted(encode(name), segment));
        }
        return name;
    }

    private static boolean isLiteral(int b, boolean first) {
        return (b >= 'A' && b <= 'Z')
                || (b >= 'a' && b <= 'z')
                || (b >= '0' && b <= '9')
                || b == '-'
                || b == '_'
                || (b == '.' && !first);
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    private static byte[] utf8(String name) {
        CharsetEncoder encoder = StandardCharsets.UTF_8
                .newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer buffer = encoder.encode(CharBuffer.wrap(name));
            byte[] out = new byte[buffer.remaining()];
            buffer.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(
                    "name is not valid Unicode (unpaired surrogate?): \"" + printable(name) + "\"", e);
        }
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                out.append("\\u%04X".formatted((int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
