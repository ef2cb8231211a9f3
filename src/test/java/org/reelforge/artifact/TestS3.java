package org.reelforge.artifact;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 server for tests: S3Proxy (Maven Central {@code org.gaul:s3proxy}, copied to {@code target/s3proxy/} by the
 * build) in its own JVM on a loopback port chosen by the kernel, storing objects in a temporary folder, with
 * AWS signature v4 and fixed test credentials. Its own JVM because its Jetty 11 and libraries clash with ours.
 */
public final class TestS3 implements AutoCloseable {
    public static final String ACCESS_KEY = "reelforge-test-access";
    public static final String SECRET_KEY = "reelforge-test-secret-0123456789";
    private static final Pattern STARTED = Pattern.compile("Started ServerConnector.*\\{127\\.0\\.0\\.1:(\\d+)}");
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private final Path dir;
    private final Process process;
    private final URI endpoint;
    private final S3Client client;

    private TestS3(Path dir, Process process, URI endpoint) {
        this.dir = dir;
        this.process = process;
        this.endpoint = endpoint;
        this.client = S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(credentials()).requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED).build();
    }

    public static TestS3 start() throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("reelforge.s3proxy.jar", "target/s3proxy/s3proxy.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            String why = "S3Proxy is missing at " + jar + " (mvn generate-test-resources copies it from Maven Central)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(why);
            }
            Assumptions.abort(why);
        }
        Path dir = Files.createTempDirectory("reelforge-s3-");
        Files.createDirectories(dir.resolve("objects"));
        Files.writeString(dir.resolve("s3proxy.properties"), String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:0", "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY, "s3proxy.credential=" + SECRET_KEY,
                "s3proxy.ignore-unknown-headers=true", "jclouds.provider=filesystem-nio2", "jclouds.identity=local", "jclouds.credential=local",
                "jclouds.filesystem.basedir=" + dir.resolve("objects"), ""),
                StandardCharsets.UTF_8);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--properties", dir.resolve("s3proxy.properties").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("s3proxy.log").toFile()).start();
        try {
            int port = awaitPort(p, dir.resolve("s3proxy.log"));
            return new TestS3(dir, p, URI.create("http://127.0.0.1:" + port));
        } catch (IOException | RuntimeException e) {
            p.destroyForcibly();
            throw e;
        }
    }

    private static int awaitPort(Process p, Path log) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            Matcher m = STARTED.matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            if (!p.isAlive()) {
                throw new IllegalStateException("S3Proxy exited with " + p.exitValue() + ": " + messages(log));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("S3Proxy did not start within 90 s: " + messages(log));
    }

    /** Its log without logback's own start-up chatter. */
    private static String messages(Path log) throws IOException {
        return String.join("\n", Files.readAllLines(log, StandardCharsets.ISO_8859_1).stream()
                .filter(l -> !l.contains("|-") && !l.isBlank()).toList());
    }

    public static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A raw client on this server, for what the store must not be the one to do (and to look behind it). */
    public S3Client client() {
        return client;
    }

    /** Creates a new empty bucket and returns its name. */
    public String newBucket() {
        String name = "bucket-" + BUCKETS.incrementAndGet();
        client.createBucket(b -> b.bucket(name));
        return name;
    }

    /** Settings for a store on {@code bucket/prefix} of this server, with its node cache in {@code cacheDir}. */
    public S3Settings settings(String bucket, String prefix, Path cacheDir) {
        return S3Settings.of(new S3Location(bucket, prefix), endpoint, "us-east-1", true, cacheDir);
    }

    public S3ArtifactStore store(S3Settings settings) {
        return new S3ArtifactStore(settings, credentials());
    }

    /** What a ReelForge process needs to use {@code s3://bucket/prefix} on this server. */
    public Map<String, String> environment(String bucket, String prefix) {
        return Map.of(ArtifactStores.ARTIFACTS, "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix),
                ArtifactStores.ENDPOINT, endpoint.toString(), ArtifactStores.REGION, "us-east-1",
                "AWS_ACCESS_KEY_ID", ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", SECRET_KEY);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        client.close();
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        Path kept = Path.of("target", "s3proxy", "last-run.log");
        if (Files.isDirectory(kept.getParent())) {
            Files.copy(dir.resolve("s3proxy.log"), kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(files.sorted(Comparator.reverseOrder()).toList());
            for (Path f : all) {
                Files.deleteIfExists(f);
            }
        }
    }
}
