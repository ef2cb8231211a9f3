package org.reelforge.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.reelforge.video.InvalidRequestException;
import org.reelforge.video.VideoId;

/**
 * One {@code --media N=FILE[:silent]}: block N made from the person's own video or picture.
 *
 * @param keepSound false with {@code :silent} (a video's own sound is dropped)
 */
record OwnMedia(int block, Path file, boolean keepSound) {
    private static final String SILENT = ":silent";

    static List<OwnMedia> parse(List<String> values) {
        List<OwnMedia> out = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (String value : values) {
            int eq = value.indexOf('=');
            if (eq < 1) {
                throw invalid("must be N=FILE or N=FILE:silent (got \"" + value + "\")");
            }
            int block;
            try {
                block = Integer.parseInt(value.substring(0, eq).strip());
            } catch (NumberFormatException e) {
                throw invalid("N must be a block number from 1 (got \"" + value.substring(0, eq) + "\")");
            }
            if (!seen.add(block)) {
                throw invalid("block " + block + " is given twice");
            }
            String name = value.substring(eq + 1);
            boolean keepSound = !name.endsWith(SILENT);
            out.add(of(block, Path.of(keepSound ? name : name.substring(0, name.length() - SILENT.length())), keepSound));
        }
        return out;
    }

    static OwnMedia of(int block, Path file, boolean keepSound) {
        if (block < 1) {
            throw invalid("N must be a block number from 1 (got " + block + ")");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw invalid("no readable file " + file + " for block " + block);
        }
        return new OwnMedia(block, file, keepSound);
    }

    /** Every block named must exist in a script of {@code blocks} blocks. */
    static void checkBlocks(List<OwnMedia> media, int blocks) {
        for (OwnMedia m : media) {
            if (m.block() > blocks) {
                throw invalid("the script has " + blocks + " blocks, there is no block " + m.block());
            }
        }
    }

    /** Attaches each file to its block (each checked by the engine: a video or a picture). */
    static void attach(Workspace ws, VideoId id, List<OwnMedia> media, int blocks) {
        checkBlocks(media, blocks);
        for (OwnMedia m : media) {
            ws.control().attachMedia(id, m.block(), m.file(), m.file().getFileName().toString(), m.keepSound());
            System.err.println("Block " + m.block() + " is made from " + m.file().getFileName()
                    + (m.keepSound() ? "" : " (without its sound)"));
        }
    }

    private static InvalidRequestException invalid(String rule) {
        return new InvalidRequestException("media", rule);
    }
}
