package org.reelforge.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.reelforge.video.VideoId;

/**
 * Short-lived signed links to a video's files, for the elements that cannot send an {@code Authorization} header
 * ({@code <video>}, {@code <img>}, a download link). A link carries {@code exp} (epoch seconds) and {@code sig}, an
 * HMAC-SHA256 over the video id, the file name and the expiry with a key derived from the JWT secret; no access
 * token ever appears in a URL, so a player keeps playing when the access token expires. Thread-safe.
 */
final class FileLinks {
    /** How long a link works; pages renew theirs well before (see {@code links_expire_at} in the documents). */
    static final Duration LIFETIME = Duration.ofHours(1);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private final SecretKeySpec key;
    private final Clock clock;

    FileLinks(byte[] jwtSecret, Clock clock) {
        // A key of its own, so a file signature can never pass for a token signature or the reverse.
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(jwtSecret, "HmacSHA256"), "reelforge file links v1"),
                "HmacSHA256");
        this.clock = clock;
    }

    /** A signed link and when it stops working. */
    record Link(String url, Instant expiresAt) {
    }

    /** When links made now expire: the start of the next whole quarter hour after {@link #LIFETIME}, so that the
     * documents of one video served within a few minutes carry identical URLs (the browser's cache keeps working). */
    Instant expiryFromNow() {
        long seconds = clock.instant().plus(LIFETIME).getEpochSecond();
        return Instant.ofEpochSecond(seconds - seconds % 900 + 900);
    }

    Link link(VideoId id, String file, Instant expiresAt) {
        long exp = expiresAt.getEpochSecond();
        return new Link("/api/videos/" + id.value() + "/" + file + "?exp=" + exp + "&sig=" + signature(id, file, exp),
                expiresAt);
    }

    /** True if {@code sig} signs this video's {@code file} until {@code exp}, and {@code exp} has not passed. */
    boolean verify(VideoId id, String file, String exp, String sig) {
        if (exp == null || sig == null || !exp.matches("[0-9]{1,12}")) {
            return false;
        }
        long expiry = Long.parseLong(exp);
        if (clock.instant().getEpochSecond() >= expiry) {
            return false;
        }
        byte[] expected = signature(id, file, expiry).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, sig.getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(VideoId id, String file, long exp) {
        return ENCODER.encodeToString(hmac(key, id.value() + "\n" + file + "\n" + exp));
    }

    private static byte[] hmac(SecretKeySpec key, String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
