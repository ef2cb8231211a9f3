package org.reelforge.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.reelforge.account.Role;
import org.reelforge.account.User;
import org.reelforge.account.UserAccounts;
import org.reelforge.video.ConflictException;
import org.reelforge.video.InvalidRequestException;
import org.reelforge.video.NotFoundException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "user", description = "Manage the users of the web app.",
        subcommands = {UserCommand.Add.class, UserCommand.Passwd.class, UserCommand.ListUsers.class})
final class UserCommand implements Runnable {
    @ParentCommand
    ReelForgeCli root;

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(name = "add", description = "Create a user who can sign in to the web app.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        UserCommand parent;
        @Mixin
        DataDirOption data;
        @Parameters(paramLabel = "NAME", description = "3–32 characters: lower-case letters, digits, '.', '_' or '-'.")
        String name;
        @Option(names = "--role", defaultValue = "user", description = "admin or user (default ${DEFAULT-VALUE}).")
        String role;
        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        @Override
        public Integer call() {
            return parent.withAccounts(data, accounts -> {
                User user = accounts.create(name, readPassword(name, passwordStdin), Role.parse("role", role));
                System.out.println("Created " + user.role().wireName() + " " + user.username());
            });
        }
    }

    @Command(name = "passwd", description = "Set a new password for a user (e.g. a forgotten admin password). "
            + "Their refresh tokens stop working: other sessions end within 15 minutes.")
    static final class Passwd implements Callable<Integer> {
        @ParentCommand
        UserCommand parent;
        @Mixin
        DataDirOption data;
        @Parameters(paramLabel = "NAME", description = "The user whose password changes.")
        String name;
        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        @Override
        public Integer call() {
            return parent.withAccounts(data, accounts -> {
                accounts.setPassword(name, "password", readPassword(name, passwordStdin));
                System.out.println("New password set for " + name);
            });
        }
    }

    @Command(name = "list", description = "List the users: name, role, since when, and how many videos each owns.")
    static final class ListUsers implements Callable<Integer> {
        @ParentCommand
        UserCommand parent;
        @Mixin
        DataDirOption data;

        @Override
        public Integer call() {
            return parent.withAccounts(data, accounts -> {
                System.out.printf("%-32s %-6s %-20s %s%n", "NAME", "ROLE", "CREATED", "VIDEOS");
                for (UserAccounts.Account a : accounts.list()) {
                    System.out.printf("%-32s %-6s %-20s %d%n", a.username(), a.role(),
                            a.createdAt().truncatedTo(ChronoUnit.SECONDS), a.videos());
                }
            });
        }
    }

    /**
     * Runs {@code action} on the accounts of the data directory; a refused request prints its reason and maps to
     * an exit code: 3 no such user, 1 name taken, else 2 (a rule broken).
     */
    int withAccounts(DataDirOption data, Consumer<UserAccounts> action) {
        try (Workspace ws = root.open(data.dataDir)) {
            action.accept(ws.accounts());
            return ExitCodes.DONE;
        } catch (NotFoundException e) {
            System.err.println(e.getMessage());
            return ExitCodes.NOT_FOUND;
        } catch (ConflictException e) {
            System.err.println(e.getMessage());
            return ExitCodes.ERROR;
        } catch (InvalidRequestException e) {
            System.err.println(e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    /** The password: the first line of standard input, or asked twice on the terminal without echo. */
    static String readPassword(String name, boolean fromStdin) {
        if (fromStdin) {
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                return line == null ? "" : line;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the password from standard input", e);
            }
        }
        Console console = System.console();
        if (console == null) {
            throw new InvalidRequestException("password", "no terminal to ask on: pass it with --password-stdin");
        }
        char[] first = console.readPassword("Password for %s: ", name);
        char[] again = console.readPassword("Again: ");
        if (first == null || !Arrays.equals(first, again)) {
            throw new InvalidRequestException("password", "the two entries differ");
        }
        return new String(first);
    }
}
