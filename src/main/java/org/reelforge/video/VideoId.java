package org.reelforge.video;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** The server-made id of a video, e.g. {@code vid_20260201_203648_k3f9}. Safe in paths and URLs. */
public record VideoId(String value) {
    private static final Pattern FORMAT = Pattern.compile("vid_\\d{8}_\\d{6}_[a-z0-9]{4,12}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final RandomGenerator RANDOM = new SecureRandom();

    public VideoId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidRequestException("video_id", "must look like vid_20260201_203648_k3f9 (got \""
                    + (value == null ? "" : Text.preview(value)) + "\")");
        }
    }

    public static VideoId next(Clock clock) {
        StringBuilder suffix = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            suffix.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new VideoId("vid_" + STAMP.format(clock.instant()) + "_" + suffix);
    }

    @Override
    public String toString() {
        return value;
    }
}
