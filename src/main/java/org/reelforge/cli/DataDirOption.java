package org.reelforge.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data-dir}, shared by every command. */
final class DataDirOption {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:REELFORGE_DATA_DIR:-./data}",
            description = "Where videos, the database and files live (default: ${DEFAULT-VALUE}; env REELFORGE_DATA_DIR).")
    Path dataDir;
}
