package dev.phylo.efs.internal;

import dev.phylo.efs.SnapshotCorruptException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a NumPy {@code .npy} file, format version 1.0: magic {@code \x93NUMPY}, version bytes {@code 1 0}, a
 * little-endian uint16 header length, then an ASCII Python dict literal padded with spaces and ended by {@code \n}
 * so that the data starts at a multiple of {@value #ALIGNMENT} bytes.
 *
 * @param descr        dtype string such as {@code <f8}
 * @param fortranOrder whether the array is stored column-major
 * @param shape        array dimensions
 * @param dataOffset   offset of the first data byte
 */
public record NpyHeader(String descr, boolean fortranOrder, long[] shape, int dataOffset) {
    public static final int ALIGNMENT = 64;

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int PREAMBLE = MAGIC.length + 2 + 2;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** The header bytes numpy itself would write for a C-order one-dimensional array. */
    public static byte[] encode(String descr, long rows) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + rows + ",), }";
        int unpadded = PREAMBLE + dict.length() + 1;
        int total = (unpadded + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
        ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) (total - PREAMBLE));
        out.put(dict.getBytes(StandardCharsets.US_ASCII));
        while (out.position() < total - 1) {
            out.put((byte) ' ');
        }
        out.put((byte) '\n');
        return out.array();
    }

    /** Where the data of such a file starts. */
    public static int dataOffset(String descr, long rows) {
        return encode(descr, rows).length;
    }

    /** Reads and checks the header at the start of {@code file}'s content. */
    public static NpyHeader parse(Path file, ByteBuffer content) {
        ByteBuffer in = content.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (in.remaining() < PREAMBLE) {
            throw new SnapshotCorruptException(
                    file, "truncated: %d bytes, an npy header needs at least %d".formatted(in.remaining(), PREAMBLE));
        }
        byte[] magic = new byte[MAGIC.length];
        in.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new SnapshotCorruptException(
                    file,
                    "not an npy file: magic bytes %s, expected %s"
                            .formatted(
                                    HexFormat.ofDelimiter(" ").formatHex(magic),
                                    HexFormat.ofDelimiter(" ").formatHex(MAGIC)));
        }
        int major = in.get() & 0xFF;
        int minor = in.get() & 0xFF;
        if (major != 1 || minor != 0) {
            throw new SnapshotCorruptException(file, "npy format version %d.%d, expected 1.0".formatted(major, minor));
        }
        int headerLength = in.getShort() & 0xFFFF;
        int dataOffset = PREAMBLE + headerLength;
        if (content.remaining() < dataOffset) {
            throw new SnapshotCorruptException(
                    file,
                    "truncated in the npy header: %d bytes, the header ends at %d"
                            .formatted(content.remaining(), dataOffset));
        }
        byte[] text = new byte[headerLength];
        in.get(text);
        String dict = new String(text, StandardCharsets.ISO_8859_1);
        if (!dict.endsWith("\n") || !dict.startsWith("{")) {
            throw new SnapshotCorruptException(file, "npy header is not a dict ended by a newline: " + visible(dict));
        }
        String descr = group(file, DESCR, dict, "descr");
        boolean fortran = group(file, FORTRAN, dict, "fortran_order").equals("True");
        String shapeText = group(file, SHAPE, dict, "shape");
        return new NpyHeader(descr, fortran, shape(file, shapeText), dataOffset);
    }

    private static String group(Path file, Pattern pattern, String dict, String key) {
        Matcher m = pattern.matcher(dict);
        if (!m.find()) {
            throw new SnapshotCorruptException(
                    file, "npy header lacks a readable '%s': %s".formatted(key, visible(dict)));
        }
        return m.group(1);
    }

    private static long[] shape(Path file, String text) {
        String[] parts = text.split(",");
        int n = parts.length;
        if (n > 0 && parts[n - 1].isBlank()) {
            n--;
        }
        long[] dims = new long[n];
        for (int i = 0; i < n; i++) {
            try {
                dims[i] = Long.parseLong(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new SnapshotCorruptException(file, "npy header has a bad shape (%s)".formatted(text), e);
            }
        }
        return dims;
    }

    private static String visible(String dict) {
        return "\"" + dict.strip().replace("\n", "\\n") + "\"";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyHeader h
                && descr.equals(h.descr)
                && fortranOrder == h.fortranOrder
                && Arrays.equals(shape, h.shape)
                && dataOffset == h.dataOffset;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * descr.hashCode() + Arrays.hashCode(shape)) + dataOffset + (fortranOrder ? 1 : 0);
    }

    @Override
    public String toString() {
        return "NpyHeader[descr=%s, fortranOrder=%s, shape=%s, dataOffset=%d]"
                .formatted(descr, fortranOrder, Arrays.toString(shape), dataOffset);
    }
}
