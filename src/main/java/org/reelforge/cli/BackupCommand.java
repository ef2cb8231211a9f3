package org.reelforge.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.reelforge.ReelForgeException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code reelforge backup}: an online copy of the SQLite database ({@code VACUUM INTO}: consistent while the server
 * and workers keep running, compacted), checked with {@code PRAGMA integrity_check}. With PostgreSQL it prints the
 * {@code pg_dump} line to run instead. The files of the videos are not in it (they are already files, or objects).
 */
@Command(name = "backup", description = {"Copy the database while ReelForge runs (SQLite: VACUUM INTO, then an integrity check).",
        "With REELFORGE_DATABASE_URL on PostgreSQL, prints the pg_dump command to use instead.",
        "Video files are not included: copy <data-dir>/videos (or keep S3 versioning on)."})
final class BackupCommand implements Callable<Integer> {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    @Mixin
    DataDirOption data;
    @Option(names = "--to", paramLabel = "FILE", description = "Where to write the copy (default: <data-dir>/backups/reelforge-<UTC time>.db). Must not exist.")
    Path to;

    @Override
    public Integer call() {
        String url = System.getenv("REELFORGE_DATABASE_URL");
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            printPgDump(url, System.getenv("REELFORGE_DATABASE_USER"));
            return ExitCodes.DONE;
        }
        Path db = data.dataDir.toAbsolutePath().normalize().resolve("reelforge.db");
        if (!Files.isRegularFile(db)) {
            throw new ReelForgeException("No database at " + db + ": nothing to back up (is --data-dir right?)");
        }
        Path target = (to != null ? to : data.dataDir.resolve("backups").resolve("reelforge-"
                + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + ".db")).toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw new ReelForgeException("--to " + target + " already exists; choose a new file (a backup never overwrites one)");
        }
        long started = System.nanoTime();
        copy(db, target);
        Counts counts = check(target);
        System.out.printf("Backed up %s to %s (%.1f MB, %d ms): %d video(s), %d user(s), integrity ok.%n", db, target,
                size(target) / 1e6, (System.nanoTime() - started) / 1_000_000, counts.videos(), counts.users());
        System.out.println("Restore: stop ReelForge, move " + db.getFileName() + "-wal and -shm aside, copy the backup over "
                + db + ", start again. Video files are not in the backup: copy " + data.dataDir.resolve("videos") + " too.");
        return ExitCodes.DONE;
    }

    private static void copy(Path db, Path target) {
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + target.getParent(), e);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (java.sql.Statement pragma = c.createStatement()) {
                pragma.execute("PRAGMA busy_timeout = 30000");
            }
            try (PreparedStatement vacuum = c.prepareStatement("VACUUM INTO ?")) {
                vacuum.setString(1, target.toString());
                vacuum.execute();
            }
        } catch (SQLException e) {
            throw new ReelForgeException("Cannot back up " + db + " to " + target + ": " + e.getMessage(), e);
        }
    }

    private record Counts(long videos, long users) {
    }

    private static Counts check(Path backup) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + backup); java.sql.Statement s = c.createStatement();
             ResultSet ok = s.executeQuery("PRAGMA integrity_check")) {
            ok.next();
            if (!"ok".equals(ok.getString(1))) {
                throw new ReelForgeException("The backup " + backup + " failed its integrity check: " + ok.getString(1));
            }
            return new Counts(count(c, "videos"), count(c, "users"));
        } catch (SQLException e) {
            throw new ReelForgeException("Cannot check the backup " + backup + ": " + e.getMessage(), e);
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (java.sql.Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The PostgreSQL server does its own consistent dumps; say exactly what to run (no password on the line). */
    private static void printPgDump(String jdbcUrl, String user) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String database = uri.getPath() == null || uri.getPath().length() < 2 ? "reelforge" : uri.getPath().substring(1);
        String file = "reelforge-" + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + ".dump";
        System.out.println("The database is PostgreSQL: back it up with pg_dump (consistent while ReelForge runs), e.g.");
        System.out.println("  pg_dump --format=custom --host=" + host + " --port=" + port
                + (user == null ? "" : " --username=" + user) + " --file=" + file + " " + database);
        System.out.println("and restore into an empty database with");
        System.out.println("  pg_restore --host=" + host + " --port=" + port + (user == null ? "" : " --username=" + user)
                + " --dbname=" + database + " --no-owner " + file);
        System.out.println("(the password comes from PGPASSWORD or ~/.pgpass). Video files are not in the dump.");
    }
}
