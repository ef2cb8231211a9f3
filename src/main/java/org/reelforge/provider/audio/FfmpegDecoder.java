package org.reelforge.provider.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.reelforge.provider.ProviderException;

/** Reads any audio or video file as mono audio: 16-bit WAV directly, anything else through ffmpeg (16 kHz). */
public final class FfmpegDecoder {
    private static final long TIMEOUT_SECONDS = 300;

    private FfmpegDecoder() {
    }

    public static MonoAudio read(Path file, String provider) {
        if (!Files.isReadable(file)) {
            throw ProviderException.permanent(provider, "cannot read audio file " + file);
        }
        return MonoAudio.readWav(file).orElseGet(() -> decode(file, provider));
    }

    private static MonoAudio decode(Path file, String provider) {
        Path wav = null;
        try {
            wav = Files.createTempFile("reelforge-decode", ".wav");
            Process ffmpeg = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", file.toString(),
                    "-vn", "-ac", "1", "-ar", "16000", "-c:a", "pcm_s16le", wav.toString())
                    .redirectErrorStream(true).start();
            String output = new String(ffmpeg.getInputStream().readAllBytes());
            if (!ffmpeg.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || ffmpeg.exitValue() != 0) {
                ffmpeg.destroyForcibly();
                throw ProviderException.permanent(provider, "ffmpeg could not decode " + file + ": " + output.strip());
            }
            return MonoAudio.readWav(wav).orElseThrow(() -> ProviderException.permanent(provider,
                    "ffmpeg produced no readable WAV for " + file));
        } catch (IOException e) {
            throw new ProviderException(ProviderException.Kind.PERMANENT, provider, null, "cannot run ffmpeg to decode "
                    + file + " (install it with apt-get install -y ffmpeg): " + e.getMessage(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderException.transientError(provider, "interrupted while decoding " + file, e);
        } finally {
            deleteQuietly(wav);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            file.toFile().deleteOnExit(); // a leftover temp file is not worth failing the transcription
        }
    }
}
