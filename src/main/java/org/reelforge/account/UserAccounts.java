package org.reelforge.account;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.reelforge.video.ConflictException;
import org.reelforge.video.InvalidRequestException;
import org.reelforge.video.NotFoundException;

/**
 * The people who may sign in: creation with validated names and hashed passwords, sign-in, sign-out, the first admin.
 * Refusals are {@link InvalidRequestException} (naming the field and the rule), {@link NotFoundException} and
 * {@link ConflictException}. Thread-safe.
 */
public final class UserAccounts {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private final AccountStore store;
    private final Pbkdf2Passwords passwords;
    private final Clock clock;
    private final String dummyHash;

    public UserAccounts(AccountStore store, Pbkdf2Passwords passwords, Clock clock) {
        this.store = store;
        this.passwords = passwords;
        this.clock = clock;
        this.dummyHash = passwords.hash("not a password anyone has");
    }

    /**
     * Creates a user.
     *
     * @throws InvalidRequestException naming username or password when a rule is broken
     * @throws ConflictException when the name is taken
     */
    public User create(String username, String password, Role role) {
        return create(username, password, role, false);
    }

    private User create(String username, String password, Role role, boolean oneTime) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidRequestException("username", "must be 3–32 characters: lower-case letters, digits, '.', '_' or '-',"
                    + " starting with a letter or digit");
        }
        requireGoodPassword("password", password);
        UserRecord row = new UserRecord(username, passwords.hash(password), role, clock.instant(), oneTime);
        if (!store.insert(row)) {
            throw new ConflictException("user " + username + " already exists");
        }
        return new User(username, role);
    }

    /**
     * Gives {@code username} a new password (an admin's reset, or the user's own change once their current password
     * was checked); refresh tokens issued before carry the old {@link Credentials#passwordStamp} and stop working.
     *
     * @throws InvalidRequestException naming {@code field} when the password breaks a rule
     * @throws NotFoundException when there is no such user
     */
    public void setPassword(String username, String field, String password) {
        requireGoodPassword(field, password);
        String hash = passwords.hash(password);
        if (!store.updatePassword(username, hash)) {
            throw new NotFoundException("no user " + username);
        }
    }

    private static String stamp(String passwordHash) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(passwordHash.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 9));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static void requireGoodPassword(String field, String password) {
        if (password == null || password.length() < 8 || password.length() > 200) {
            throw new InvalidRequestException(field, "must be 8–200 characters");
        }
    }

    /**
     * A user as stored now, with a short fingerprint of their password hash that refresh tokens carry: when the
     * password changes, so does the stamp, and tokens carrying the old one are refused. The stamp reveals nothing
     * of the password (a truncated SHA-256 of a salted slow hash).
     */
    public record Credentials(User user, String passwordStamp) {
        static Credentials of(UserRecord row) {
            return new Credentials(UserAccounts.user(row), stamp(row.passwordHash()));
        }
    }

    /** The user if the password is theirs. Takes the same time whether or not the name exists. */
    public Optional<Credentials> authenticate(String username, String password) {
        Optional<UserRecord> row = username == null ? Optional.empty() : store.find(username);
        boolean ok = passwords.matches(password == null ? "" : password, row.map(UserRecord::passwordHash).orElse(dummyHash));
        return ok ? row.map(Credentials::of) : Optional.empty();
    }

    /** The user and their current password stamp, in one read. */
    public Optional<Credentials> credentials(String username) {
        return store.find(username).map(Credentials::of);
    }

    /** What an admin sees of a user: name, role, since when, and how many videos they own. */
    public record Account(String username, String role, Instant createdAt, int videos) {
    }

    /** Every user, by name, with the number of videos each owns. */
    public List<Account> list() {
        return store.owners().stream().map(o -> new Account(o.user().username(), o.user().role().wireName(),
                o.user().createdAt(), o.videos())).toList();
    }

    /**
     * Removes {@code username} on behalf of {@code caller} (an admin), unless that would lose something: nobody
     * removes themselves (so an admin always remains), and a user who still owns videos keeps their account until
     * the videos are deleted (nothing a user made is lost with the account).
     *
     * @throws NotFoundException when there is no such user
     * @throws ConflictException naming the reason otherwise
     */
    public void delete(String username, String caller) {
        if (find(username).isEmpty()) {
            throw new NotFoundException("no user " + username);
        }
        if (username.equals(caller)) {
            throw new ConflictException("you cannot delete your own account; ask another admin");
        }
        int videos = store.removeUnlessOwning(username).orElseThrow(() -> new NotFoundException("no user " + username));
        if (videos > 0) {
            throw new ConflictException(username + " still owns " + videos + (videos == 1 ? " video" : " videos")
                    + "; delete them first");
        }
    }

    /** Signs a session out on every node until {@code expiresAt}, when the last token it could have issued expires. */
    public void revokeSession(String sessionId, Instant expiresAt) {
        store.revokeSession(sessionId, clock.instant(), expiresAt);
    }

    public boolean isSessionRevoked(String sessionId) {
        return store.isSessionRevoked(sessionId);
    }

    /** The user as stored now (role changes and removals show at the next refresh). */
    public Optional<User> find(String username) {
        return store.find(username).map(UserAccounts::user);
    }

    /**
     * Makes sure someone can sign in: creates {@code adminUser} from the configuration if it does not exist, or, when
     * none is configured and there is no admin yet, an {@code admin} with a random password printed once to {@code out}.
     */
    public void ensureFirstAdmin(String adminUser, String adminPassword, PrintStream out) {
        if (adminUser != null) {
            if (find(adminUser).isEmpty()) {
                create(adminUser, adminPassword, Role.ADMIN);
                out.println("Created admin user " + adminUser + " from REELFORGE_ADMIN_USER.");
            }
            return;
        }
        if (store.count(Role.ADMIN) == 0 && find("admin").isEmpty()) {
            String password = randomPassword();
            create("admin", password, Role.ADMIN, true);
            out.println("Created the first admin. Sign in as \"admin\" with this one-time password (it is not shown again;"
                    + " the web app asks for a new one at the first sign-in): " + password);
        }
    }

    private static User user(UserRecord row) {
        return new User(row.username(), row.role(), row.mustChangePassword());
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
