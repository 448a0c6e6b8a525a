package dev.phylo.functions.ingest;

import dev.phylo.engine.data.CsvBarReader;
import dev.phylo.engine.data.CsvFormatException;
import dev.phylo.engine.data.CsvOptions;
import dev.phylo.engine.data.CsvReadResult;
import dev.phylo.function.InvalidRequestException;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Streams an object into the engine's CSV reader: gunzips {@code .gz}, decodes strict UTF-8 (a bad byte is an error,
 * never a silent U+FFFD), and stops at {@code maxBytes} uncompressed so a gzip bomb cannot exhaust memory.
 */
final class CsvDecoding {

    private CsvDecoding() {}

    /** {@code csv} or {@code csv.gz}, from the requested format and the file name. */
    static boolean gzipped(SourceObject object, String format) {
        String name = object.name().toLowerCase(Locale.ROOT);
        if (format != null
                && !format.isBlank()
                && !format.equalsIgnoreCase("csv")
                && !format.equalsIgnoreCase("csv.gz")) {
            throw new InvalidRequestException("unknown format '" + format + "' for " + object.uri()
                    + ": ingest reads csv (optionally gzip-compressed, .csv.gz)");
        }
        if (name.endsWith(".csv.gz") || (format != null && format.equalsIgnoreCase("csv.gz"))) {
            return true;
        }
        if (name.endsWith(".csv") || (format != null && format.equalsIgnoreCase("csv"))) {
            return false;
        }
        throw new InvalidRequestException("unknown format of " + object.uri() + ": expected a .csv or .csv.gz name, or "
                + "\"format\": \"csv\" in the request");
    }

    static CsvReadResult read(SourceObject object, boolean gzipped, CsvOptions options, long maxBytes) {
        try (InputStream raw = object.open()) {
            InputStream bytes = gzipped ? new GZIPInputStream(raw, 1 << 16) : raw;
            Reader reader = new InputStreamReader(
                    new Limited(bytes, maxBytes, object.uri()),
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT));
            return CsvBarReader.read(reader, object.name(), options);
        } catch (CsvFormatException e) {
            throw new InvalidRequestException(object.uri() + " rejected, nothing written: " + e.getMessage(), e);
        } catch (CharacterCodingException e) {
            throw new InvalidRequestException(
                    object.uri() + " is not valid UTF-8 text (" + e.getMessage() + "); re-export it as UTF-8", e);
        } catch (ZipException | EOFException e) {
            throw new InvalidRequestException(object.uri() + " is not a valid gzip stream (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new IngestException("cannot read " + object.uri() + ": " + e.getMessage(), e);
        }
    }

    /** Fails once more than {@code max} bytes were read. */
    private static final class Limited extends FilterInputStream {
        private final long max;
        private final String uri;
        private long count;

        Limited(InputStream in, long max, String uri) {
            super(in);
            this.max = max;
            this.uri = uri;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            count += n;
            if (count > max) {
                throw new InvalidRequestException(
                        uri + " is over the limit phylo.ingest.max-bytes=" + max + " bytes once uncompressed");
            }
        }
    }
}
