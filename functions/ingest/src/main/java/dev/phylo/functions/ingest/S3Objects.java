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
        if (record.s3() == null
                || record.s3().bucket() == null
                || record.s3().object() == null
                || record.s3().object().key() == null) {
            throw new InvalidRequestException("S3 event record without s3.bucket.name / s3.object.key: " + record);
        }
        String bucket = record.s3().bucket().name();
        String key = URLDecoder.decode(record.s3().object().key(), StandardCharsets.UTF_8);
        IngestInput.S3Object object = record.s3().object();
        if (object.eTag() == null && object.versionId() == null) {
            return head(bucket, key, maxBytes);
        }
        checkSize(bucket, key, object.size(), maxBytes);
        HeadObjectResponse head = head(bucket, key, object.versionId());
        return source(bucket, key, object.versionId(), object.eTag(), object.size(), head);
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
