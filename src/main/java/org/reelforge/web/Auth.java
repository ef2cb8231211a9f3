package org.reelforge.web;

import io.javalin.http.Context;
import java.util.Optional;
import org.reelforge.account.User;
import org.reelforge.account.UserAccounts;

/**
 * Signs people in and tells who calls: tokens are HS256 JWTs ({@link Jwt}), sent as {@code Authorization: Bearer}
 * or, where a browser cannot set headers ({@code <video src>}, EventSource, WebSocket), as {@code ?access_token=}.
 */
final class Auth {
    private final Jwt jwt;
    private final UserAccounts accounts;
    private final LoginThrottle throttle;
    private final Sessions sessions;

    Auth(Jwt jwt, UserAccounts accounts, LoginThrottle throttle, Sessions sessions) {
        this.jwt = jwt;
        this.accounts = accounts;
        this.throttle = throttle;
        this.sessions = sessions;
    }

    /** The answer of login and refresh. */
    record Tokens(String accessToken, String refreshToken, long expiresIn, UserView user) {
    }

    /** @param mustChangePassword the client should lead to the password change: nothing else is answered until then */
    record UserView(String username, String role, boolean mustChangePassword) {
        static UserView of(User u) {
            return new UserView(u.username(), u.role().wireName(), u.mustChangePassword());
        }
    }

    record Login(String username, String password) {
    }

    record Refresh(String refreshToken) {
    }

    record Logout(String refreshToken) {
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    /** Signs in {@code request.username()} calling from {@code address}, unless too many guesses came before. */
    Tokens login(Login request, String address) {
        return tokens(checkPassword(request.username(), request.password(), address)
                .orElseThrow(() -> ApiException.unauthorized("wrong username or password")), Sessions.newId());
    }

    /**
     * The caller's own password change: the current password is checked (and counts towards the sign-in throttle),
     * the new one replaces it, refresh tokens issued before stop working, and fresh tokens are answered.
     */
    Tokens changePassword(User caller, PasswordChange request, String address) {
        if (request.currentPassword() == null) {
            throw ApiException.invalid("current_password", "is required");
        }
        checkPassword(caller.username(), request.currentPassword(), address)
                .orElseThrow(() -> ApiException.invalid("current_password", "must be your current password"));
        if (request.currentPassword().equals(request.newPassword())) {
            throw ApiException.invalid("new_password", "must differ from the current password");
        }
        accounts.setPassword(caller.username(), "new_password", request.newPassword());
        return tokens(stored(caller.username()), Sessions.newId());
    }

    Tokens refresh(Refresh request) {
        TokenClaims claims = verify(request.refreshToken(), TokenType.REFRESH);
        if (sessions.isRevoked(Sessions.revocationId(claims, request.refreshToken()))) {
            throw signedOut();
        }
        UserAccounts.Credentials current = stored(claims.subject());
        if (!current.passwordStamp().equals(claims.passwordStamp())) {
            throw ApiException.unauthorized("the password of " + claims.subject() + " changed since this session began;"
                    + " sign in again");
        }
        return tokens(current, claims.sessionId() != null ? claims.sessionId() : Sessions.newId());
    }

    /**
     * Signs out the session of {@code request.refreshToken()} on every node: its refresh tokens and its access tokens
     * are refused from now on.
     *
     * @throws ApiException 400 without a token, 401 when the token is not a valid, unexpired refresh token
     */
    void logout(Logout request) {
        if (request.refreshToken() == null || request.refreshToken().isBlank()) {
            throw ApiException.invalid("refresh_token", "is required: the refresh token of the session to end");
        }
        TokenClaims claims = verify(request.refreshToken(), TokenType.REFRESH);
        sessions.revoke(Sessions.revocationId(claims, request.refreshToken()));
    }

    private static ApiException signedOut() {
        return ApiException.unauthorized("this session was signed out; sign in again");
    }

    private UserAccounts.Credentials stored(String username) {
        return accounts.credentials(username).orElseThrow(() -> gone(username));
    }

    private static ApiException gone(String username) {
        return ApiException.unauthorized("user " + username + " no longer exists");
    }

    private Optional<UserAccounts.Credentials> checkPassword(String username, String password, String address) {
        throttle.waitBefore(username, address).ifPresent(wait -> {
            throw ApiException.tooManyRequests(LoginThrottle.MAX_FAILURES + " failed sign-ins for this username from "
                    + "your address in " + LoginThrottle.WINDOW.toMinutes() + " min; try again in "
                    + Math.max(1, (wait.toMillis() + 999) / 1000) + " s", wait);
        });
        Optional<UserAccounts.Credentials> user = accounts.authenticate(username, password);
        if (user.isEmpty()) {
            throttle.failed(username, address);
        } else {
            throttle.succeeded(username, address);
        }
        return user;
    }

    /** The caller; {@code queryToken} allows {@code ?access_token=} (GET files and streams only). */
    User caller(Context ctx, boolean queryToken) {
        return user(ctx.header("Authorization"), queryToken ? ctx.queryParam("access_token") : null);
    }

    /**
     * The user an {@code Authorization: Bearer} header, or else a query token, speaks for.
     *
     * @throws ApiException 403 {@code password-change-required} while they must first replace a one-time password
     */
    User user(String authorization, String queryToken) {
        User user = anyUser(authorization, queryToken);
        if (user.mustChangePassword()) {
            throw ApiException.of(403, "password-change-required", "Password change required",
                    user.username() + " signed in with a one-time password: choose a new one with POST /api/auth/password"
                            + " before anything else");
        }
        return user;
    }

    /** The caller even while they must change their password: for the password change itself. */
    User callerChangingPassword(Context ctx) {
        return anyUser(ctx.header("Authorization"), null);
    }

    private User anyUser(String authorization, String queryToken) {
        String token = queryToken;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = authorization.substring(7).strip();
        }
        if (token == null || token.isEmpty()) {
            throw ApiException.unauthorized("send an access token: Authorization: Bearer <token>"
                    + " (or ?access_token=<token> on file and stream URLs)");
        }
        TokenClaims claims = verify(token, TokenType.ACCESS);
        // Primary-key reads per request: a removed account or a signed-out session stops at once, not when its token expires.
        User user = accounts.find(claims.subject()).orElseThrow(() -> gone(claims.subject()));
        if (claims.sessionId() != null && sessions.isRevoked(claims.sessionId())) {
            throw signedOut();
        }
        return user;
    }

    User admin(Context ctx) {
        User user = caller(ctx, false);
        if (!user.isAdmin()) {
            throw ApiException.forbidden("only an admin may do this; " + user.username() + " is a " + user.role().wireName());
        }
        return user;
    }

    private Tokens tokens(UserAccounts.Credentials credentials, String sessionId) {
        User user = credentials.user();
        return new Tokens(jwt.sign(user, TokenType.ACCESS, null, sessionId),
                jwt.sign(user, TokenType.REFRESH, credentials.passwordStamp(), sessionId),
                jwt.lifetime(TokenType.ACCESS).toSeconds(), UserView.of(user));
    }

    private TokenClaims verify(String token, TokenType type) {
        try {
            return jwt.verify(token, type);
        } catch (InvalidTokenException e) {
            throw ApiException.unauthorized(e.getMessage());
        }
    }
}
