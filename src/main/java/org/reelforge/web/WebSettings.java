package org.reelforge.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reelforge.ReelForgeException;

/**
 * How the web server runs, from the command line (host, port) and the environment:
 * {@code REELFORGE_JWT_SECRET} (required unless bound to loopback), {@code REELFORGE_CORS_ORIGINS} (comma list,
 * none by default), {@code REELFORGE_CREATE_RATE_PER_MINUTE} (default 10), {@code REELFORGE_ADMIN_USER} and
 * {@code REELFORGE_ADMIN_PASSWORD} (the first admin), {@code REELFORGE_ACCESS_TOKEN_SECONDS} (how long an access token
 * lives, default 900; tests shorten it to watch the page survive an expiry), {@code REELFORGE_S3_PRESIGN} (a lifetime
 * such as {@code 5m}: files on S3 are answered with a redirect to a presigned URL of that lifetime instead of streaming
 * through this node).
 *
 * @param secretGenerated true when no secret was configured and a random one is used (tokens die with the process)
 * @param presignTtl      null to stream every file through this node
 */
public record WebSettings(String host, int port, byte[] jwtSecret, boolean secretGenerated, List<String> corsOrigins,
                          int createRatePerMinute, String adminUser, String adminPassword,
                          Duration accessTokenLifetime, Duration presignTtl) {
    public static final String JWT_SECRET = "REELFORGE_JWT_SECRET";
    public static final String CORS_ORIGINS = "REELFORGE_CORS_ORIGINS";
    public static final String CREATE_RATE = "REELFORGE_CREATE_RATE_PER_MINUTE";
    public static final String ADMIN_USER = "REELFORGE_ADMIN_USER";
    public static final String ADMIN_PASSWORD = "REELFORGE_ADMIN_PASSWORD";
    public static final String ACCESS_TOKEN_SECONDS = "REELFORGE_ACCESS_TOKEN_SECONDS";
    public static final String PRESIGN = "REELFORGE_S3_PRESIGN";
    private static final Pattern LIFETIME = Pattern.compile("(\\d{1,6})(s|m|h)");

    public WebSettings {
        if (port < 0 || port > 65_535) {
            throw new ReelForgeException("--port must be 0–65535 (got " + port + ")");
        }
        jwtSecret = jwtSecret.clone();
        corsOrigins = List.copyOf(corsOrigins);
    }

    /**
     * Reads the environment.
     *
     * @throws ReelForgeException when a value is malformed, or no JWT secret is set for a non-loopback host
     */
    public static WebSettings from(Map<String, String> env, String host, int port) {
        String secret = value(env, JWT_SECRET);
        if (secret == null && !isLoopback(host)) {
            throw new ReelForgeException("Refusing to listen on " + host + " without " + JWT_SECRET
                    + ": set it to a random string of at least 32 characters (e.g. openssl rand -base64 48)");
        }
        if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new ReelForgeException(JWT_SECRET + " must be at least 32 characters long");
        }
        String admin = value(env, ADMIN_USER);
        if (admin != null && value(env, ADMIN_PASSWORD) == null) {
            throw new ReelForgeException(ADMIN_USER + " is set but " + ADMIN_PASSWORD + " is not");
        }
        return new WebSettings(host, port, secret == null ? randomSecret() : secret.getBytes(StandardCharsets.UTF_8),
                secret == null, origins(value(env, CORS_ORIGINS)), rate(value(env, CREATE_RATE)), admin,
                value(env, ADMIN_PASSWORD), Duration.ofSeconds(
                        bounded(value(env, ACCESS_TOKEN_SECONDS), ACCESS_TOKEN_SECONDS, 900, 10, 86_400)),
                lifetime(value(env, PRESIGN)));
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new ReelForgeException("--host " + host + " is not an address of this machine: " + e.getMessage(), e);
        }
    }

    private static List<String> origins(String list) {
        if (list == null) {
            return List.of();
        }
        List<String> origins = Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s).toList();
        origins.stream().filter(o -> !o.matches("https?://[^/\\s]+")).findFirst().ifPresent(o -> {
            throw new ReelForgeException(CORS_ORIGINS + " must list origins such as https://app.example.com (got \"" + o + "\")");
        });
        return origins;
    }

    private static int rate(String value) {
        return bounded(value, CREATE_RATE, 10, 1, 10_000);
    }

    private static int bounded(String value, String name, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ReelForgeException(name + " must be a whole number from " + min + " to " + max + " (got \"" + value + "\")");
    }

    /** A presign lifetime: 1 s to 7 days (S3's limit for a signature v4 URL). */
    private static Duration lifetime(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = LIFETIME.matcher(value);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
            if (!d.isZero() && d.compareTo(Duration.ofDays(7)) <= 0) {
                return d;
            }
        }
        throw new ReelForgeException(PRESIGN + " must be a lifetime from 1s to 168h such as 300s, 5m or 1h (got \"" + value + "\")");
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static byte[] randomSecret() {
        byte[] secret = new byte[48];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    @Override
    public byte[] jwtSecret() {
        return jwtSecret.clone();
    }

    @Override
    public String toString() {
        return "WebSettings[" + host + ":" + port + ", cors=" + corsOrigins + ", createRate=" + createRatePerMinute + "/min"
                + (presignTtl == null ? "" : ", presign=" + presignTtl) + "]";
    }
}
