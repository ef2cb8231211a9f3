package org.reelforge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.cli.ExitCodes;
import org.reelforge.cli.ReelForgeCli;
import org.reelforge.store.Database;
import org.reelforge.account.Pbkdf2Passwords;
import org.reelforge.account.UserAccounts;
import org.reelforge.store.JdbiAccounts;

/** `user add` and `user passwd`: what an operator does on the server's data directory, e.g. after losing a password. */
class UserCommandIT {
    @TempDir
    Path data;

    private record Run(int code, String out, String err) {
    }

    private Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        InputStream oldIn = System.in;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            int code = ReelForgeCli.execute(d -> ReelForge.open(Config.from(d, Map.of())), args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.setIn(oldIn);
        }
    }

    private boolean signsIn(String user, String password) {
        try (Database db = Database.sqlite(data)) {
            return new UserAccounts(new JdbiAccounts(db), new Pbkdf2Passwords(), Clock.systemUTC())
                    .authenticate(user, password).isPresent();
        }
    }

    @Test
    void anOperatorCreatesAUserThenSetsANewPasswordForThem() {
        Run add = run("first-password\n", "user", "add", "zoe", "--role", "admin", "--password-stdin", "--data-dir", data.toString());
        assertThat(add.code()).as(add.err()).isEqualTo(ExitCodes.DONE);
        assertThat(add.out()).contains("Created admin zoe");

        Run passwd = run("second-password\n", "user", "passwd", "zoe", "--password-stdin", "--data-dir", data.toString());

        assertThat(passwd.code()).as(passwd.err()).isEqualTo(ExitCodes.DONE);
        assertThat(passwd.out()).contains("New password set for zoe").doesNotContain("second-password");
        assertThat(signsIn("zoe", "second-password")).isTrue();
        assertThat(signsIn("zoe", "first-password")).isFalse();
        Run list = run("", "user", "list", "--data-dir", data.toString());
        assertThat(list.code()).isEqualTo(ExitCodes.DONE);
        assertThat(list.out()).containsPattern("(?m)^zoe +admin +\\d{4}-\\d\\d-\\d\\dT[\\d:]+Z +0$")
                .doesNotContain("pbkdf2");
    }

    @Test
    void anUnknownUserIsNotFoundAndAShortPasswordIsAUsageErrorNamingTheRule() {
        assertThat(run("password-123\n", "user", "passwd", "nobody", "--password-stdin", "--data-dir", data.toString()).code())
                .isEqualTo(ExitCodes.NOT_FOUND);
        run("first-password\n", "user", "add", "yann", "--password-stdin", "--data-dir", data.toString());

        Run shortOne = run("short\n", "user", "passwd", "yann", "--password-stdin", "--data-dir", data.toString());

        assertThat(shortOne.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(shortOne.err()).contains("password", "8–200 characters").doesNotContain("Exception");
        assertThat(signsIn("yann", "first-password")).isTrue();
    }
}
