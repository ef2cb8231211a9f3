package org.reelforge.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.reelforge.ReelForgeException;
import org.reelforge.video.InvalidRequestException;
import org.reelforge.wire.Json;

/** A JSON file an option names, read into its document; a file that cannot be read or parsed names the option. */
final class JsonFile {
    private JsonFile() {
    }

    /**
     * @param field the request field or option the file comes from ({@code script}, {@code --set})
     * @param what  what the file should be, for the message ("a script file")
     */
    static <T> T read(Path file, Class<T> type, String field, String what) {
        try {
            return Json.read(Files.readString(file), type);
        } catch (IOException e) {
            throw new InvalidRequestException(field, "cannot read " + file + ": " + e.getMessage());
        } catch (ReelForgeException e) {
            throw new InvalidRequestException(field, "is not " + what + ": " + e.getMessage());
        }
    }
}
