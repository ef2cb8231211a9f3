package org.reelforge.artifact;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.reelforge.ReelForgeException;

/**
 * Picks the artifact store from the environment, as {@code store.Database} picks the database from its URL:
 * {@value #ARTIFACTS} unset → the data directory; {@code s3://bucket/prefix} → S3 with {@value #ENDPOINT} (none:
 * AWS), {@value #REGION} (default us-east-1), {@value #PATH_STYLE} (default: true when an endpoint is set), this
 * node's cache in {@value #CACHE_DIR} (default {@code <dataDir>/artifact-cache}) of at most {@value #CACHE_MB} MiB
 * (default 2048; 0 turns it off). Credentials: the AWS SDK's default chain.
 */
public final class ArtifactStores {
    public static final String ARTIFACTS = "REELFORGE_ARTIFACTS";
    public static final String ENDPOINT = "REELFORGE_S3_ENDPOINT";
    public static final String REGION = "REELFORGE_S3_REGION";
    public static final String PATH_STYLE = "REELFORGE_S3_PATH_STYLE";
    public static final String CACHE_DIR = "REELFORGE_ARTIFACT_CACHE_DIR";
    public static final String CACHE_MB = "REELFORGE_ARTIFACT_CACHE_MB";

    private ArtifactStores() {
    }

    /**
     * The store {@value #ARTIFACTS} names, or the data directory when it is unset. Credentials: {@code AWS_ACCESS_KEY_ID}
     * and {@code AWS_SECRET_ACCESS_KEY} (and {@code AWS_SESSION_TOKEN}) of {@code env} when set, else the AWS SDK's
     * default chain (profiles, instance roles…).
     */
    public static ArtifactStore open(Map<String, String> env, Path dataDir) {
        String location = value(env, ARTIFACTS);
        return location == null ? new LocalArtifactStore(dataDir) : open(ARTIFACTS, location, env, dataDir);
    }

    /**
     * The store at {@code location} ({@code s3://…}), with the S3 settings of the environment.
     *
     * @param origin named in errors (a variable or an option such as {@code --to})
     */
    public static ArtifactStore open(String origin, String location, Map<String, String> env, Path dataDir) {
        S3Settings settings = s3Settings(origin, location, env, dataDir);
        String key = value(env, "AWS_ACCESS_KEY_ID");
        String secret = value(env, "AWS_SECRET_ACCESS_KEY");
        if (key == null || secret == null) {
            return new S3ArtifactStore(settings);
        }
        String session = value(env, "AWS_SESSION_TOKEN");
        return new S3ArtifactStore(settings, software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                session == null ? software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(key, secret)
                        : software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(key, secret, session)));
    }

    /** The S3 settings for {@code location}, read from the environment, each bad value named with its rule. */
    public static S3Settings s3Settings(String origin, String location, Map<String, String> env, Path dataDir) {
        S3Location where = S3Location.parse(origin, location);
        URI endpoint = endpoint(value(env, ENDPOINT));
        String region = value(env, REGION) == null ? "us-east-1" : value(env, REGION);
        boolean pathStyle = bool(PATH_STYLE, value(env, PATH_STYLE), endpoint != null);
        Path cacheDir = value(env, CACHE_DIR) == null ? dataDir.resolve("artifact-cache") : Path.of(value(env, CACHE_DIR));
        long cacheMb = mebibytes(value(env, CACHE_MB));
        return S3Settings.of(where, endpoint, region, pathStyle, cacheDir).withCacheMaxBytes(cacheMb * S3Settings.MIB);
    }

    private static URI endpoint(String value) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = URI.create(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new ReelForgeException(ENDPOINT + " must be an http(s) URL such as http://127.0.0.1:9000 (got \"" + value + "\")");
    }

    private static boolean bool(String name, String value, boolean fallback) {
        if (value == null) {
            return fallback;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new ReelForgeException(name + " must be true or false (got \"" + value + "\")");
        };
    }

    private static long mebibytes(String value) {
        if (value == null) {
            return 2048;
        }
        try {
            long mb = Long.parseLong(value);
            if (mb >= 0 && mb <= 10_000_000) {
                return mb;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ReelForgeException(CACHE_MB + " must be a whole number of MiB from 0 to 10000000 (got \"" + value + "\")");
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
