package dev.phylo.stepfunctions.internal;

import static dev.phylo.stepfunctions.internal.IntrinsicArgs.fail;
import static dev.phylo.stepfunctions.internal.IntrinsicArgs.limitedText;
import static dev.phylo.stepfunctions.internal.IntrinsicArgs.string;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The intrinsic functions that encode bytes as text: {@code States.Base64Encode}, {@code States.Base64Decode},
 * {@code States.Hash}, and {@code States.UUID} (a version 4 UUID from the replayable digest).
 */
final class EncodingIntrinsics {

    private static final List<String> HASH_ALGORITHMS = List.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

    private EncodingIntrinsics() {}

    static JsonNode base64Encode(List<JsonNode> a) {
        String text = limitedText("Base64Encode", string("Base64Encode", a.get(0), 1));
        return Json.NODES.textNode(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
    }

    static JsonNode base64Decode(List<JsonNode> a) {
        String text = limitedText("Base64Decode", string("Base64Decode", a.get(0), 1));
        try {
            return Json.NODES.textNode(new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw fail("Base64Decode", "the input is not valid Base64: " + e.getMessage());
        }
    }

    /** The hex digest of a string, or of the JSON text of any other value. */
    static JsonNode hash(List<JsonNode> a) {
        JsonNode data = a.get(0);
        String text = limitedText("Hash", data.isTextual() ? data.textValue() : Json.write(data));
        String alg = string("Hash", a.get(1), 2);
        if (!HASH_ALGORITHMS.contains(alg)) {
            throw fail("Hash", "unsupported algorithm '" + alg + "' (use MD5, SHA-1, SHA-256, SHA-384 or SHA-512)");
        }
        try {
            byte[] h = MessageDigest.getInstance(alg).digest(text.getBytes(StandardCharsets.UTF_8));
            return Json.NODES.textNode(HexFormat.of().formatHex(h));
        } catch (NoSuchAlgorithmException e) {
            throw fail("Hash", "algorithm " + alg + " is not available");
        }
    }

    static JsonNode uuid(Intrinsics.Env env) {
        ByteBuffer b = ByteBuffer.wrap(env.nextDigest());
        long hi = b.getLong();
        long lo = b.getLong();
        hi = (hi & ~0xF000L) | 0x4000L; // version 4
        lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return Json.NODES.textNode(new UUID(hi, lo).toString());
    }
}
