package dev.phylo.functions.ingest;

import dev.phylo.function.InvalidRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** Local files, for local runs: the version is the SHA-256 of the content, so an edited file is a new version. */
final class LocalFiles {

    static final String BUCKET = "file";

    private LocalFiles() {}

    static SourceObject resolve(String location, long maxBytes) {
        Path path = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location)
                .toAbsolutePath()
                .normalize();
        if (!Files.isRegularFile(path)) {
            throw new InvalidRequestException(path + " does not exist or is not a regular file");
        }
        try {
            long size = Files.size(path);
            if (size > maxBytes) {
                throw new InvalidRequestException(
                        path + " is " + size + " bytes, over the limit phylo.ingest.max-bytes=" + maxBytes);
            }
            return new SourceObject(
                    BUCKET, path.toString(), sha256(path), size, Map.of(), () -> Files.newInputStream(path));
        } catch (IOException e) {
            throw new IngestException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static String sha256(Path path) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
