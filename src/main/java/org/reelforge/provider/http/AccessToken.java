package org.reelforge.provider.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.reelforge.provider.ProviderException;

/**
 * The OAuth access token Vertex AI wants. Such tokens expire after about an hour, so besides a fixed token
 * ({@code REELFORGE_VERTEX_ACCESS_TOKEN}) one can come from a file that something else keeps fresh
 * ({@code REELFORGE_VERTEX_ACCESS_TOKEN_FILE}, e.g. written every 30 min by
 * {@code gcloud auth print-access-token > token.tmp && mv token.tmp token}); the file is re-read whenever it changes.
 */
public interface AccessToken {
    /** The token to send now. Thread-safe. */
    Secret current();

    static AccessToken fixed(Secret token) {
        return () -> token;
    }

    static AccessToken file(Path file) {
        return new FileToken(file);
    }

    /** A token file, re-read when its modification time changes. */
    final class FileToken implements AccessToken {
        private final Path file;
        private FileTime readAt;
        private Secret token;

        FileToken(Path file) {
            this.file = file;
        }

        @Override
        public synchronized Secret current() {
            try {
                FileTime modified = Files.getLastModifiedTime(file);
                if (token == null || !modified.equals(readAt)) {
                    String value = Files.readString(file).strip();
                    if (value.isEmpty()) {
                        throw ProviderException.transientError("vertex", "access token file " + file + " is empty", null);
                    }
                    token = new Secret(value);
                    readAt = modified;
                }
                return token;
            } catch (IOException e) {
                throw ProviderException.transientError("vertex", "cannot read the access token file " + file + ": "
                        + e.getMessage(), e);
            }
        }

        @Override
        public String toString() {
            return "AccessToken[file=" + file + "]";
        }
    }
}
