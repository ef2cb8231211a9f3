package org.reelforge.web;

/** The signed-in caller of a request, as its access token says. */
public record User(String username, Role role) {
    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** The owner filter of the video queries: null (everyone's) for an admin. */
    public String ownerFilter() {
        return isAdmin() ? null : username;
    }
}
