package org.reelforge.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.reelforge.account.AccountStore;
import org.reelforge.account.Role;
import org.reelforge.account.UserRecord;

/** {@link AccountStore} on the {@code users} and {@code revoked_sessions} tables. Thread-safe. */
public final class JdbiAccounts implements AccountStore {
    private final Jdbi jdbi;

    public JdbiAccounts(Database database) {
        this.jdbi = Jdbi.create(database.dataSource());
    }

    @Override
    public boolean insert(UserRecord user) {
        return Transactions.write(jdbi, h -> h.createUpdate("""
                        INSERT INTO users (username, password_hash, role, created_at, must_change_password)
                        VALUES (:username, :hash, :role, :created, :must) ON CONFLICT (username) DO NOTHING""")
                .bind("username", user.username()).bind("hash", user.passwordHash()).bind("role", user.role().wireName())
                .bind("must", user.mustChangePassword() ? 1 : 0).bind("created", user.createdAt().toEpochMilli())
                .execute() == 1);
    }

    @Override
    public Optional<UserRecord> find(String username) {
        return Transactions.read(jdbi, h -> find(h, username));
    }

    private static Optional<UserRecord> find(Handle h, String username) {
        return h.createQuery("SELECT * FROM users WHERE username = :username").bind("username", username)
                .map((rs, ctx) -> user(rs)).findOne();
    }

    @Override
    public List<Owner> owners() {
        return Transactions.read(jdbi, h -> h.createQuery("""
                        SELECT u.*, (SELECT COUNT(*) FROM videos v WHERE v.owner = u.username) AS videos
                        FROM users u ORDER BY u.username""")
                .map((rs, ctx) -> new Owner(user(rs), rs.getInt("videos"))).list());
    }

    @Override
    public boolean updatePassword(String username, String passwordHash) {
        return Transactions.write(jdbi, h -> h.createUpdate(
                        "UPDATE users SET password_hash = :hash, must_change_password = 0 WHERE username = :username")
                .bind("username", username).bind("hash", passwordHash).execute() == 1);
    }

    @Override
    public int count(Role role) {
        return Transactions.read(jdbi, h -> h.createQuery("SELECT COUNT(*) FROM users WHERE role = :role")
                .bind("role", role.wireName()).mapTo(Integer.class).one());
    }

    @Override
    public Optional<Integer> removeUnlessOwning(String username) {
        return Transactions.write(jdbi, h -> {
            if (find(h, username).isEmpty()) {
                return Optional.empty();
            }
            int videos = h.createQuery("SELECT COUNT(*) FROM videos WHERE owner = :owner").bind("owner", username)
                    .mapTo(Integer.class).one();
            if (videos == 0) {
                h.createUpdate("DELETE FROM users WHERE username = :username").bind("username", username).execute();
            }
            return Optional.of(videos);
        });
    }

    @Override
    public void revokeSession(String sessionId, Instant now, Instant expiresAt) {
        Transactions.write(jdbi, h -> {
            h.createUpdate("""
                            INSERT INTO revoked_sessions (session_id, revoked_at, expires_at) VALUES (:id, :now, :expires)
                            ON CONFLICT (session_id) DO NOTHING""")
                    .bind("id", sessionId).bind("now", now.toEpochMilli()).bind("expires", expiresAt.toEpochMilli())
                    .execute();
            return h.createUpdate("DELETE FROM revoked_sessions WHERE expires_at <= :now").bind("now", now.toEpochMilli())
                    .execute();
        });
    }

    @Override
    public boolean isSessionRevoked(String sessionId) {
        return Transactions.read(jdbi, h -> h.createQuery("SELECT COUNT(*) FROM revoked_sessions WHERE session_id = :id")
                .bind("id", sessionId).mapTo(Integer.class).one() > 0);
    }

    /** How many signed-out sessions are remembered (tests and operators). */
    public int revokedSessions() {
        return Transactions.read(jdbi, h -> h.createQuery("SELECT COUNT(*) FROM revoked_sessions").mapTo(Integer.class).one());
    }

    private static UserRecord user(ResultSet rs) throws SQLException {
        return new UserRecord(rs.getString("username"), rs.getString("password_hash"),
                Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)), Instant.ofEpochMilli(rs.getLong("created_at")),
                rs.getInt("must_change_password") != 0);
    }
}
