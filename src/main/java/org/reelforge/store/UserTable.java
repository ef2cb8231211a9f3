package org.reelforge.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The {@code users} rows of one transaction (see {@link StoreTransaction#users()}). Not thread-safe. */
public final class UserTable {
    private final Handle handle;

    UserTable(Handle handle) {
        this.handle = handle;
    }

    /** Inserts {@code row}; false (and nothing written) if the username is taken. */
    public boolean insert(UserRow row) {
        return handle.createUpdate("""
                        INSERT INTO users (username, password_hash, role, created_at, must_change_password)
                        VALUES (:username, :hash, :role, :created, :must) ON CONFLICT (username) DO NOTHING""")
                .bind("username", row.username()).bind("hash", row.passwordHash()).bind("role", row.role())
                .bind("must", row.mustChangePassword() ? 1 : 0)
                .bind("created", row.createdAt().toEpochMilli())
                .execute() == 1;
    }

    public Optional<UserRow> find(String username) {
        return handle.createQuery("SELECT * FROM users WHERE username = :username").bind("username", username)
                .map(UserTable::row).findOne();
    }

    /** Every user, by name. */
    public List<UserRow> all() {
        return handle.createQuery("SELECT * FROM users ORDER BY username").map(UserTable::row).list();
    }

    /** Removes {@code username}; false if there was no such user. */
    public boolean delete(String username) {
        return handle.createUpdate("DELETE FROM users WHERE username = :username").bind("username", username).execute() == 1;
    }

    private static UserRow row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new UserRow(rs.getString("username"), rs.getString("password_hash"), rs.getString("role"),
                Instant.ofEpochMilli(rs.getLong("created_at")), rs.getInt("must_change_password") != 0);
    }

    /**
     * Replaces the password hash of {@code username}, which also lifts {@link UserRow#mustChangePassword}; false if
     * there is no such user.
     */
    public boolean updatePassword(String username, String passwordHash) {
        return handle.createUpdate("UPDATE users SET password_hash = :hash, must_change_password = 0 WHERE username = :username")
                .bind("username", username).bind("hash", passwordHash).execute() == 1;
    }

    public int count(String role) {
        return handle.createQuery("SELECT COUNT(*) FROM users WHERE role = :role").bind("role", role)
                .mapTo(Integer.class).one();
    }
}
