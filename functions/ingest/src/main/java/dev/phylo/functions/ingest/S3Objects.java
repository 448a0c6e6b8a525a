package dev.phylo.functions.ingest;

import dev.phylo.function.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Objects in S3, streamed with AWS SDK v2. The version recorded is the versionId when the bucket is versioned, else
 * the ETag; the read is pinned to it (versionId, or If-Match on the ETag), so what is recorded is what was read.
 */
@ApplicationScoped
class S3Objects {

    private final S3Client s3;

    public S3Objects(S3Client s3) {
        this.s3 = s3;
    }

    /** From an S3 notification record: the key arrives URL-encoded. */
    SourceObject fromEvent(IngestInput.S3EventRecord record, long maxBytes) {
        EventObject named = EventObject.of(record);
        if (named.eTag() == null && named.versionId() == null) {
            return head(named.bucket(), named.key(), maxBytes);
        }
        checkSize(named.bucket(), named.key(), named.size(), maxBytes);
        HeadObjectResponse head = head(named.bucket(), named.key(), named.versionId());
        return source(named.bucket(), named.key(), named.versionId(), named.eTag(), named.size(), head);
    }

    /** What an S3 notification record names: the bucket, the decoded key, and the version, ETag and size if given. */
    record EventObject(String bucket, String key, String versionId, String eTag, Long size) {

        /** Reads {@code record}; refuses one without a bucket name or key, or with a key that is not URL-encoded. */
        static EventObject of(IngestInput.S3EventRecord record) {
            if (record == null
                    || record.s3() == null
                    || record.s3().bucket() == null
                    || blank(record.s3().bucket().name())
                    || record.s3().object() == null
                    || blank(record.s3().object().key())) {
                throw new InvalidRequestException("S3 event record without s3.bucket.name / s3.object.key: " + record);
            }
            String bucket = record.s3().bucket().name();
            IngestInput.S3Object object = record.s3().object();
            String key;
            try {
                key = URLDecoder.decode(object.key(), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException(
                        "S3 event record for bucket " + bucket + ": key '" + object.key() + "' is not URL-encoded ("
                                + e.getMessage() + ")",
                        e);
            }
            if (object.size() != null && object.size() < 0) {
                throw new InvalidRequestException(
                        "S3 event record for s3://" + bucket + "/" + key + ": negative size " + object.size());
            }
            return new EventObject(bucket, key, object.versionId(), object.eTag(), object.size());
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    /** From a direct request's {@code s3://bucket/key}. */
    SourceObject fromUri(String uri, long maxBytes) {
        String rest = uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            throw new InvalidRequestException("'" + uri + "' is not an s3://bucket/key URI");
        }
        return head(rest.substring(0, slash), rest.substring(slash + 1), maxBytes);
    }

    private SourceObject head(String bucket, String key, long maxBytes) {
        HeadObjectResponse head = head(bucket, key, null);
        checkSize(bucket, key, head.contentLength(), maxBytes);
        return source(bucket, key, head.versionId(), head.eTag(), head.contentLength(), head);
    }

    private HeadObjectResponse head(String bucket, String key, String versionId) {
        try {
            return s3.headObject(r -> r.bucket(bucket).key(key).versionId(versionId));
        } catch (NoSuchKeyException e) {
            throw missing(bucket, key, e);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw missing(bucket, key, e);
            }
            throw new IngestException("cannot read s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IngestException("cannot reach S3 for s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    private SourceObject source(
            String bucket, String key, String versionId, String eTag, Long size, HeadObjectResponse head) {
        String etag = eTag == null ? null : eTag.replace("\"", "");
        String version = versionId != null && !versionId.equals("null") ? "version:" + versionId : "etag:" + etag;
        GetObjectRequest.Builder get = GetObjectRequest.builder().bucket(bucket).key(key);
        if (version.startsWith("version:")) {
            get.versionId(versionId);
        } else {
            get.ifMatch(etag);
        }
        GetObjectRequest request = get.build();
        return new SourceObject(bucket, key, version, size, head.metadata(), () -> {
            try {
                return s3.getObject(request);
            } catch (NoSuchKeyException e) {
                throw missing(bucket, key, e);
            } catch (SdkException e) {
                throw new IngestException(
                        "cannot read s3://" + bucket + "/" + key + " (" + version + "): " + e.getMessage(), e);
            }
        });
    }

    private static void checkSize(String bucket, String key, Long size, long maxBytes) {
        if (size != null && size > maxBytes) {
            throw new InvalidRequestException("s3://" + bucket + "/" + key + " is " + size
                    + " bytes, over the limit phylo.ingest.max-bytes=" + maxBytes);
        }
    }

    private static InvalidRequestException missing(String bucket, String key, Exception cause) {
        return new InvalidRequestException(
                "s3://" + bucket + "/" + key + " does not exist (deleted after the upload, or a " + "wrong bucket/key)",
                cause);
    }
}
