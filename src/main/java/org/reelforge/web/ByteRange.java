package org.reelforge.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reelforge.ReelForgeException;

/**
 * One satisfiable byte range of a file (RFC 9110 §14): {@code start} to {@code end} inclusive, of {@code total}.
 * Only single ranges are served; several ranges, other units and malformed headers are ignored (the whole file
 * is sent), which the RFC allows.
 */
public record ByteRange(long start, long end, long total) {
    private static final Pattern SINGLE = Pattern.compile("bytes=\\s*(\\d{0,18})-(\\d{0,18})\\s*", Pattern.CASE_INSENSITIVE);

    public ByteRange {
        if (start < 0 || end < start || end >= total) {
            throw new IllegalArgumentException("bad range " + start + "-" + end + "/" + total);
        }
    }

    /** A range that starts past the end of the file (answer 416 with {@code Content-Range: bytes *}/total). */
    public static final class Unsatisfiable extends ReelForgeException {
        private final long total;

        Unsatisfiable(String header, long total) {
            super("range " + header + " is outside the file's " + total + " bytes");
            this.total = total;
        }

        public String contentRange() {
            return "bytes */" + total;
        }
    }

    /**
     * Reads a {@code Range} header against a file of {@code total} bytes.
     *
     * @return empty to send the whole file
     * @throws Unsatisfiable when the range starts at or after the end of the file
     */
    public static Optional<ByteRange> parse(String header, long total) {
        Matcher m = header == null ? null : SINGLE.matcher(header);
        if (m == null || !m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            if (suffix == 0 || total == 0) {
                throw new Unsatisfiable(header, total);
            }
            return Optional.of(new ByteRange(Math.max(0, total - suffix), total - 1, total));
        }
        long start = Long.parseLong(m.group(1));
        long end = m.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(m.group(2));
        if (end < start) {
            return Optional.empty();
        }
        if (start >= total) {
            throw new Unsatisfiable(header, total);
        }
        return Optional.of(new ByteRange(start, Math.min(end, total - 1), total));
    }

    public long length() {
        return end - start + 1;
    }

    public String contentRange() {
        return "bytes " + start + "-" + end + "/" + total;
    }
}
