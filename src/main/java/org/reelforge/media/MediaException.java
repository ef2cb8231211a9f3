package org.reelforge.media;

import org.reelforge.ReelForgeException;

/** An ffmpeg/ffprobe run that failed; the message carries the command's purpose and its last stderr lines. */
public final class MediaException extends ReelForgeException {
    public MediaException(String message) {
        super(message);
    }

    public MediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
