package org.reelforge.artifact;

import java.util.regex.Pattern;
import org.reelforge.ReelForgeException;

/**
 * A bucket and a key prefix, written {@code s3://bucket/prefix} (the prefix may be empty). Object keys are
 * {@code <prefix>/videos/<id>/…}.
 */
public record S3Location(String bucket, String prefix) {
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern PREFIX = Pattern.compile("([A-Za-z0-9_][A-Za-z0-9._-]*)(/[A-Za-z0-9_][A-Za-z0-9._-]*)*");

    public S3Location {
        if (bucket == null || !BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw new ReelForgeException("the bucket of an s3:// location must be 3–63 lower-case letters, digits, '.' or '-',"
                    + " starting and ending with a letter or digit (got \"" + bucket + "\")");
        }
        if (!prefix.isEmpty() && !PREFIX.matcher(prefix).matches()) {
            throw new ReelForgeException("the prefix of s3://" + bucket + "/" + prefix + " must be folder names of letters,"
                    + " digits, '.', '_' or '-' separated by '/'");
        }
    }

    /**
     * Reads {@code s3://bucket} or {@code s3://bucket/some/prefix} (a trailing slash is dropped).
     *
     * @param variable named in the error when the value is malformed
     */
    public static S3Location parse(String variable, String value) {
        if (value == null || !value.startsWith("s3://")) {
            throw new ReelForgeException(variable + " must look like s3://bucket/prefix (got \"" + value + "\")");
        }
        String rest = value.substring(5);
        while (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        int slash = rest.indexOf('/');
        try {
            return slash < 0 ? new S3Location(rest, "") : new S3Location(rest.substring(0, slash), rest.substring(slash + 1));
        } catch (ReelForgeException e) {
            throw new ReelForgeException(variable + ": " + e.getMessage(), e);
        }
    }

    /** The object key of an artifact. */
    public String objectKey(ArtifactKey key) {
        return prefix.isEmpty() ? key.value() : prefix + "/" + key.value();
    }

    /** The object key prefix of a folder such as {@code videos/<id>/}. */
    public String objectPrefix(String folder) {
        return prefix.isEmpty() ? folder : prefix + "/" + folder;
    }

    /** The artifact key of an object key under this location, or null when it is not one of ours. */
    ArtifactKey artifactKey(String objectKey) {
        String relative = prefix.isEmpty() ? objectKey
                : objectKey.startsWith(prefix + "/") ? objectKey.substring(prefix.length() + 1) : null;
        if (relative == null) {
            return null;
        }
        try {
            return new ArtifactKey(relative);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }
}
