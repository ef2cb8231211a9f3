package org.reelforge.artifact;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How to reach an S3-compatible store. Credentials are not here: the AWS SDK's default chain finds them
 * ({@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, {@code AWS_PROFILE} and {@code ~/.aws/credentials},
 * web identity, instance roles).
 *
 * @param endpoint           null for AWS itself; e.g. {@code http://minio:9000} for MinIO, S3Proxy, Ceph
 * @param pathStyle          {@code http://host/bucket/key} instead of {@code http://bucket.host/key} (what MinIO,
 *                           S3Proxy and Ceph expect)
 * @param multipartThreshold files this large or larger go up (and down) through the transfer manager in parts
 * @param partSize           size of each part, at least 5 MiB (S3's minimum)
 * @param cacheDir           this node's cache of objects (see {@link NodeCache})
 * @param cacheMaxBytes      0 disables the cache
 */
public record S3Settings(S3Location location, URI endpoint, String region, boolean pathStyle, long multipartThreshold,
                         long partSize, Path cacheDir, long cacheMaxBytes) {
    public static final long MIB = 1024L * 1024;
    public static final long MIN_PART = 5 * MIB;

    public S3Settings {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(cacheDir, "cacheDir");
        if (partSize < MIN_PART) {
            throw new IllegalArgumentException("S3 parts are at least 5 MiB (got " + partSize + " bytes)");
        }
        if (multipartThreshold < partSize) {
            throw new IllegalArgumentException("the multipart threshold must be at least one part (" + partSize + " bytes)");
        }
    }

    /** Defaults: parts of 8 MiB for files of 16 MiB and more, a 2 GiB node cache. */
    public static S3Settings of(S3Location location, URI endpoint, String region, boolean pathStyle, Path cacheDir) {
        return new S3Settings(location, endpoint, region, pathStyle, 16 * MIB, 8 * MIB, cacheDir, 2048 * MIB);
    }

    public S3Settings withMultipart(long threshold, long part) {
        return new S3Settings(location, endpoint, region, pathStyle, threshold, part, cacheDir, cacheMaxBytes);
    }

    public S3Settings withCacheMaxBytes(long bytes) {
        return new S3Settings(location, endpoint, region, pathStyle, multipartThreshold, partSize, cacheDir, bytes);
    }
}
