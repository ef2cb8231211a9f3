package org.reelforge.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.reelforge.ReelForgeException;
import org.reelforge.artifact.ArtifactKey;
import org.reelforge.artifact.ArtifactStore;
import org.reelforge.artifact.ArtifactStores;
import org.reelforge.artifact.LocalArtifactStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code reelforge artifacts …}: the files of the library, wherever they live. */
@Command(name = "artifacts", description = "Manage where the videos' files live.",
        subcommands = {ArtifactsCommand.Migrate.class, CommandLine.HelpCommand.class})
final class ArtifactsCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /**
     * Copies the local library (the data directory's {@code videos/}) to S3: each object whole (atomic puts), its size
     * checked afterwards; objects already there with the same size are skipped, so running it again (after an
     * interruption, or to catch up) only copies what is missing. The local files are left in place.
     */
    @Command(name = "migrate", description = {"Copy the local library (<data-dir>/videos) to S3, checking each object's size.",
            "Safe to run again: objects already there with the same size are skipped. Local files are kept.",
            "Environment: REELFORGE_S3_ENDPOINT, REELFORGE_S3_REGION, REELFORGE_S3_PATH_STYLE, AWS credentials."})
    static final class Migrate implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Option(names = "--to", required = true, paramLabel = "s3://BUCKET/PREFIX", description = "Where to copy the library.")
        String to;
        @Option(names = "--dry-run", description = "Only say what would be copied.")
        boolean dryRun;
        @Spec
        CommandLine.Model.CommandSpec spec;

        private record Outcome(int copied, int skipped, long bytes, List<String> failures) {
        }

        @Override
        public Integer call() {
            LocalArtifactStore source = new LocalArtifactStore(data.dataDir);
            ArtifactStore target = open();
            try (target) {
                target.problem().ifPresent(p -> {
                    throw new ReelForgeException("Cannot use " + target.describe() + ": " + p);
                });
                List<ArtifactKey> keys = source.listAll();
                System.out.println((dryRun ? "Would copy" : "Copying") + " up to " + keys.size() + " object(s) from "
                        + source.describe() + " to " + target.describe() + "…");
                Outcome o = copy(source, target, keys);
                report(o, keys.size(), target);
                return o.failures().isEmpty() ? ExitCodes.DONE : ExitCodes.ERROR;
            }
        }

        private ArtifactStore open() {
            try {
                return ArtifactStores.open("--to", to, System.getenv(), data.dataDir);
            } catch (ReelForgeException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
            }
        }

        private Outcome copy(LocalArtifactStore source, ArtifactStore target, List<ArtifactKey> keys) {
            int copied = 0;
            int skipped = 0;
            long bytes = 0;
            List<String> failures = new ArrayList<>();
            for (ArtifactKey key : keys) {
                long size = size(source.file(key));
                Optional<ArtifactStore.Info> there = target.info(key);
                if (there.isPresent() && there.get().size() == size) {
                    skipped++;
                    continue;
                }
                if (!dryRun) {
                    target.put(key, source.file(key));
                    long stored = target.info(key).map(ArtifactStore.Info::size).orElse(-1L);
                    if (stored != size) {
                        failures.add(key + ": " + size + " bytes here, " + stored + " there");
                        continue;
                    }
                }
                copied++;
                bytes += size;
            }
            return new Outcome(copied, skipped, bytes, failures);
        }

        private void report(Outcome o, int total, ArtifactStore target) {
            System.out.printf("%s %d object(s) (%.1f MB); %d already there with the same size; %d failed.%n",
                    dryRun ? "Would copy" : "Copied and checked", o.copied(), o.bytes() / 1e6, o.skipped(), o.failures().size());
            o.failures().forEach(f -> System.out.println("  size mismatch: " + f));
            if (!dryRun && o.failures().isEmpty()) {
                System.out.println("All " + total + " object(s) are in " + target.describe() + ". Now set, on every node:");
                System.out.println("  " + ArtifactStores.ARTIFACTS + "=" + to);
                System.out.println("(with the same " + ArtifactStores.ENDPOINT + " / " + ArtifactStores.REGION
                        + " / credentials). The local files were kept: remove " + data.dataDir.resolve("videos")
                        + " once the nodes serve from S3.");
            }
        }

        private static long size(Path file) {
            try {
                return Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the size of " + file, e);
            }
        }
    }
}
