package org.reelforge.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL cluster for tests (no Docker here): initdb into a temp folder, started on a free
 * loopback port with fsync off, stopped and deleted at the end. As root it runs as the {@code postgres} user.
 * Without the Debian package the tests are skipped on a developer machine, and fail under CI ({@code CI=true}).
 */
public final class TestPostgres implements AutoCloseable {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private final Path dir;
    private final Path bin;
    private final int port;

    private TestPostgres(Path dir, Path bin, int port) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
    }

    public static TestPostgres start() throws IOException, InterruptedException {
        Optional<Path> bin = binaries();
        if (bin.isEmpty()) {
            String why = "PostgreSQL is not installed (apt-get install -y postgresql; ./reelforge test does it)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(why);
            }
            Assumptions.abort(why);
        }
        Path dir = Files.createTempDirectory("reelforge-pg-");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        TestPostgres pg = new TestPostgres(dir, bin.get(), port);
        pg.ownByPostgres();
        pg.run(List.of(pg.tool("initdb"), "-D", dir.resolve("data").toString(), "-U", "reelforge", "--auth=trust",
                "-E", "UTF8", "--locale=C.UTF-8"));
        pg.run(List.of(pg.tool("pg_ctl"), "-D", dir.resolve("data").toString(), "-w", "-l", dir.resolve("log").toString(),
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
                        + " -c full_page_writes=off -c max_connections=200", "start"));
        return pg;
    }

    private static Optional<Path> binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.naturalOrder());
        }
    }

    private String tool(String name) {
        return bin.resolve(name).toString();
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private void ownByPostgres() throws IOException, InterruptedException {
        if (isRoot()) {
            new ProcessBuilder("chown", "-R", "postgres:postgres", dir.toString()).inheritIO().start().waitFor();
        }
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (isRoot()) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(command);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("tool.log").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(command.get(0) + " failed: " + Files.readString(dir.resolve("tool.log")));
        }
    }

    /** A new empty database on this cluster; returns its JDBC URL (user {@code reelforge}, no password). */
    public String newDatabase() {
        String name = "t" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), "reelforge", "")) {
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return url(name);
    }

    public Database open() {
        return Database.postgres(newDatabase(), "reelforge", "");
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(List.of(tool("pg_ctl"), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop"));
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
