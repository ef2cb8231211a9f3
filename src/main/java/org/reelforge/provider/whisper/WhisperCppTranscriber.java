package org.reelforge.provider.whisper;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.SpokenMatch;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.Transcriber;
import org.reelforge.provider.http.JsonHttp;
import org.reelforge.provider.http.MultipartForm;
import org.reelforge.video.Language;
import org.reelforge.video.TimedWord;

/**
 * A whisper.cpp server: {@code POST /inference} (multipart file, {@code response_format=verbose_json}). Its word
 * timings are token pieces inside {@code segments[].words[]}, merged here into words. Free (self-hosted), but its
 * minutes are reported like Whisper's so the ledger counts them. Thread-safe; blocks while transcribing.
 */
public final class WhisperCppTranscriber implements Transcriber {
    static final String PROVIDER = "whisper.cpp";

    private final JsonHttp http;

    public WhisperCppTranscriber(WhisperCppConfig config) {
        this.http = new JsonHttp(PROVIDER, config.baseUrl(), Map.of(), config.timeouts());
    }

    /** Empty when {@code REELFORGE_WHISPERCPP_BASE_URL} is not set. */
    public static Optional<WhisperCppTranscriber> fromEnvironment(Map<String, String> env) {
        return WhisperCppConfig.fromEnvironment(env).map(WhisperCppTranscriber::new);
    }

    @Override
    public String name() {
        return PROVIDER;
    }

    @Override
    public Transcript transcribe(Path audio, Language language, List<Segment> expected) {
        MultipartForm form = new MultipartForm()
                .file("file", audio.getFileName().toString(), OpenAiTranscriber.contentType(audio.getFileName().toString()),
                        read(audio))
                .field("response_format", "verbose_json")
                .field("temperature", "0.0")
                .field("language", language.code());
        JsonNode reply = http.postMultipart("/inference", form);
        double seconds = reply.path("duration").asDouble(0);
        List<TimedWord> words = WhisperWords.whisperCpp(reply);
        return new Transcript(words, new ProviderCall(PROVIDER, "transcription", seconds / 60, "minute"),
                SpokenMatch.of(words, expected));
    }

    private static byte[] read(Path audio) {
        try {
            return Files.readAllBytes(audio);
        } catch (IOException e) {
            throw ProviderException.permanent(PROVIDER, "cannot read " + audio + ": " + e.getMessage());
        }
    }
}
