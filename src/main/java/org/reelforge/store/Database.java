package org.reelforge.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.reelforge.ReelForgeException;

/**
 * The database behind everything: SQLite (WAL) in the data directory by default, PostgreSQL for several
 * nodes. Migrates the schema on open. SQLite runs every transaction as BEGIN IMMEDIATE with a busy
 * timeout, so the CLI and a server can share one file without "database is locked" surprises.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final boolean sqlite;

    private Database(HikariDataSource dataSource, boolean sqlite) {
        this.dataSource = dataSource;
        this.sqlite = sqlite;
    }

    /** Opens (creating if needed) {@code reelforge.db} in {@code dataDir}. */
    public static Database sqlite(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new ReelForgeException("Cannot create data directory " + dataDir + ": " + e.getMessage(), e);
        }
        Path file = dataDir.toAbsolutePath().resolve("reelforge.db");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + file);
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("synchronous", "NORMAL");
        config.addDataSourceProperty("busy_timeout", "30000");
        config.addDataSourceProperty("foreign_keys", "true");
        config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        config.setMaximumPoolSize(6);
        config.setPoolName("reelforge-sqlite");
        return open(config, true);
    }

    /** Connects to PostgreSQL, e.g. {@code jdbc:postgresql://localhost:5432/reelforge}. */
    public static Database postgres(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(10);
        config.setPoolName("reelforge-postgres");
        return open(config, false);
    }

    /** Chooses from a URL: {@code jdbc:postgresql:…} → PostgreSQL, anything else is a data directory for SQLite. */
    public static Database fromUrl(String url, String user, String password, Path dataDir) {
        return url != null && url.startsWith("jdbc:postgresql:") ? postgres(url, user, password) : sqlite(dataDir);
    }

    private static Database open(HikariConfig config, boolean sqlite) {
        HikariDataSource ds = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration")
                    .placeholders(placeholders(sqlite))
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw new ReelForgeException("Cannot migrate the database at " + config.getJdbcUrl() + ": " + e.getMessage(), e);
        }
        return new Database(ds, sqlite);
    }

    private static Map<String, String> placeholders(boolean sqlite) {
        return sqlite
                ? Map.of("id_column", "INTEGER PRIMARY KEY AUTOINCREMENT", "blob_type", "BLOB",
                        "timestamp_type", "TIMESTAMP")
                : Map.of("id_column", "BIGSERIAL PRIMARY KEY", "blob_type", "BYTEA",
                        "timestamp_type", "TIMESTAMP WITH TIME ZONE");
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public boolean isSqlite() {
        return sqlite;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
