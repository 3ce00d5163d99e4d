package io.cmeautopilot.notify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check of a Standard Webhooks request, written from the specification (standardwebhooks.com)
 * and docs/integrating.md (Verifying a webhook), independently of the service's signing code: required headers, timestamp within
 * tolerance, and one of the space-separated {@code v1,} signatures equal (in constant time) to
 * HMAC-SHA256(base64-decoded secret after {@code whsec_}, "id.timestamp.body").
 */
public final class WebhookVerifier {

    private WebhookVerifier() {
    }

    public static boolean verifies(String secret, Receiver.Request request, Instant now, Duration tolerance) {
        String id = request.header("webhook-id");
        String timestamp = request.header("webhook-timestamp");
        String signatures = request.header("webhook-signature");
        if (id == null || timestamp == null || signatures == null) {
            return false;
        }
        long sentAt = Long.parseLong(timestamp);
        if (Math.abs(now.getEpochSecond() - sentAt) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = hmac(secret, id + "." + timestamp + "." + request.body());
        for (String candidate : signatures.split(" ")) {
            String[] parts = candidate.split(",", 2);
            if (parts.length == 2 && parts[0].equals("v1")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                return true;
            }
        }
        return false;
    }

    static byte[] hmac(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
