package org.reelforge.web;

import io.javalin.config.RoutesConfig;
import java.util.Map;
import org.reelforge.account.User;
import org.reelforge.account.Role;
import org.reelforge.account.UserAccounts;

/**
 * {@code POST /api/auth/login}, {@code POST /api/auth/refresh}, {@code POST /api/auth/logout} (ends the session on every
 * node), {@code POST /api/auth/password} (one's own),
 * and, for admins, {@code GET|POST /api/users}, {@code DELETE /api/users/{username}} and
 * {@code POST /api/users/{username}/password}.
 */
final class AuthRoutes {
    private final Auth auth;
    private final UserAccounts accounts;

    AuthRoutes(Auth auth, UserAccounts accounts) {
        this.auth = auth;
        this.accounts = accounts;
    }

    record NewUser(String username, String password, String role) {
    }

    record PasswordReset(String password) {
    }

    void register(RoutesConfig routes) {
        routes.post("/api/auth/login", ctx -> ctx.json(auth.login(JsonBody.read(ctx, Auth.Login.class), ctx.ip())));
        routes.post("/api/auth/refresh", ctx -> ctx.json(auth.refresh(JsonBody.read(ctx, Auth.Refresh.class))));
        routes.post("/api/auth/logout", ctx -> {
            auth.logout(JsonBody.read(ctx, Auth.Logout.class));
            ctx.status(204);
        });
        routes.post("/api/users", ctx -> {
            auth.admin(ctx);
            NewUser body = JsonBody.read(ctx, NewUser.class);
            Role role = body.role() == null ? Role.USER : Role.parse("role", body.role());
            ctx.status(201).json(Auth.UserView.of(accounts.create(body.username(), body.password(), role)));
        });
        routes.get("/api/users", ctx -> {
            auth.admin(ctx);
            ctx.json(Map.of("items", accounts.list()));
        });
        routes.delete("/api/users/{username}", ctx -> {
            User admin = auth.admin(ctx);
            accounts.delete(ctx.pathParam("username"), admin.username());
            ctx.status(204);
        });
        routes.post("/api/auth/password", ctx -> {
            User caller = auth.callerChangingPassword(ctx);
            ctx.json(auth.changePassword(caller, JsonBody.read(ctx, Auth.PasswordChange.class), ctx.ip()));
        });
        routes.post("/api/users/{username}/password", ctx -> {
            auth.admin(ctx);
            accounts.setPassword(ctx.pathParam("username"), "password", JsonBody.read(ctx, PasswordReset.class).password());
            ctx.status(204);
        });
    }
}
