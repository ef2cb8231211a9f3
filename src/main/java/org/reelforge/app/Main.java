package org.reelforge.app;

import org.reelforge.cli.ReelForgeCli;

/** Entry point of {@code ./reelforge}: wires ReelForge on the chosen data directory and runs the command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                    System.getenv().getOrDefault("REELFORGE_LOG_LEVEL", "warn"));
        }
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        int code = ReelForgeCli.execute(dataDir -> ReelForge.open(Config.from(dataDir, System.getenv())), args);
        System.exit(code);
    }
}
