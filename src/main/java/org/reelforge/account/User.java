package org.reelforge.account;

/**
 * The signed-in caller of a request, as stored now.
 *
 * @param mustChangePassword signed in with a one-time password: only the password change is allowed until then
 */
public record User(String username, Role role, boolean mustChangePassword) {
    public User(String username, Role role) {
        this(username, role, false);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** The owner filter of the video queries: null (everyone's) for an admin. */
    public String ownerFilter() {
        return isAdmin() ? null : username;
    }
}
