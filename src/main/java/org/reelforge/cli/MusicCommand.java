package org.reelforge.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.reelforge.media.MusicLibrary;
import org.reelforge.video.InvalidRequestException;
import org.reelforge.video.NotFoundException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "music", description = "The music library of the data dir (for --music mood:NAME or a track id).",
        subcommands = {MusicCommand.Add.class, MusicCommand.ListTracks.class, MusicCommand.Remove.class})
final class MusicCommand implements Runnable {
    @ParentCommand
    ReelForgeCli root;

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(name = "add", description = "Copy an audio file into the library, titled and tagged by mood.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        MusicCommand parent;
        @Mixin
        DataDirOption data;
        @Parameters(paramLabel = "FILE", description = "mp3, m4a, aac, wav, flac, ogg or opus.")
        Path file;
        @Option(names = "--title", description = "Shown in the library (default: the file name).")
        String title;
        @Option(names = "--mood", paramLabel = "MOOD", split = ",", description = "Tags for --music mood:NAME (repeatable or comma-separated).")
        List<String> moods = List.of();

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file)) {
                throw new InvalidRequestException("FILE", "no file " + file);
            }
            Set<String> tags = new LinkedHashSet<>();
            moods.forEach(m -> tags.add(m.strip().toLowerCase(Locale.ROOT)));
            try (Workspace ws = parent.root.open(data.dataDir)) {
                MusicLibrary.Track t;
                try {
                    t = ws.music().add(file, title, tags);
                } catch (IllegalArgumentException e) {
                    throw new InvalidRequestException(e.getMessage().startsWith("music mood") ? "--mood" : "FILE",
                            e.getMessage().replaceFirst("^music:? ?", ""));
                }
                System.out.println(line(t));
                return ExitCodes.DONE;
            }
        }
    }

    @Command(name = "list", description = "The tracks: id, title, length, moods.")
    static final class ListTracks implements Callable<Integer> {
        @ParentCommand
        MusicCommand parent;
        @Mixin
        DataDirOption data;

        @Override
        public Integer call() {
            try (Workspace ws = parent.root.open(data.dataDir)) {
                List<MusicLibrary.Track> tracks = ws.music().list();
                if (tracks.isEmpty()) {
                    System.out.println("The music library is empty: `reelforge music add FILE --mood calm`.");
                }
                for (MusicLibrary.Track t : tracks) {
                    System.out.println(line(t));
                }
                return ExitCodes.DONE;
            }
        }
    }

    @Command(name = "remove", description = "Remove a track (videos already made keep their sound).")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        MusicCommand parent;
        @Mixin
        DataDirOption data;
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            try (Workspace ws = parent.root.open(data.dataDir)) {
                if (!ws.music().remove(id)) {
                    throw new NotFoundException("no music track " + id + " (see `reelforge music list`)");
                }
                System.out.println("Removed " + id);
                return ExitCodes.DONE;
            }
        }
    }

    /** id, title, length, moods (sorted). */
    private static String line(MusicLibrary.Track t) {
        return t.id() + "  " + t.title() + "  " + Math.round(t.durationMillis() / 1000.0) + " s" + (t.moods().isEmpty() ? ""
                : "  " + String.join(",", t.moods().stream().sorted().toList()));
    }
}
