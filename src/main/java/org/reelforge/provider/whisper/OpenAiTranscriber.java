package org.reelforge.provider.whisper;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.SpokenMatch;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.Transcriber;
import org.reelforge.provider.audio.PcmWav;
import org.reelforge.provider.http.JsonHttp;
import org.reelforge.provider.http.MultipartForm;
import org.reelforge.provider.http.Secret;
import org.reelforge.video.Language;
import org.reelforge.video.TimedWord;

/**
 * OpenAI {@code POST /v1/audio/transcriptions} (multipart: file, model, {@code response_format=verbose_json},
 * {@code timestamp_granularities[]=word}, language, and the expected text as a spelling hint). Audio over the
 * upload limit is cut, if it is a PCM WAV, into pieces at sample boundaries; their word times are shifted back
 * onto the whole file. A word cut in two at a piece boundary may be misheard. Billed per minute of audio.
 * Thread-safe; blocks while transcribing.
 */
public final class OpenAiTranscriber implements Transcriber {
    static final String PROVIDER = "whisper";
    private static final int PROMPT_CHARS = 800;

    private final WhisperConfig config;
    private final JsonHttp http;

    public OpenAiTranscriber(WhisperConfig config) {
        this.config = config;
        this.http = new JsonHttp(PROVIDER, config.baseUrl(), Map.of("Authorization",
                new Secret("Bearer " + config.apiKey().reveal())), config.timeouts());
    }

    /** Empty without a Whisper or OpenAI key; see {@link WhisperConfig#fromEnvironment}. */
    public static Optional<OpenAiTranscriber> fromEnvironment(Map<String, String> env) {
        return WhisperConfig.fromEnvironment(env).map(OpenAiTranscriber::new);
    }

    @Override
    public String name() {
        return "whisper:" + config.model();
    }

    @Override
    public ProviderCall quote(long millis) {
        return new ProviderCall(config.model(), "transcription", millis / 60_000.0, "minute");
    }

    /** A file to upload and where it sits in the whole audio; {@code lengthMillis} is -1 when unknown (not WAV). */
    private record Piece(byte[] file, String filename, long startMillis, long lengthMillis) {
        boolean overlaps(Segment segment) {
            return segment.endMillis() > startMillis && (lengthMillis < 0 || segment.startMillis() < startMillis + lengthMillis);
        }
    }

    @Override
    public Transcript transcribe(Path audio, Language language, List<Segment> expected) {
        List<TimedWord> words = new ArrayList<>();
        double seconds = 0;
        for (Piece piece : pieces(audio)) {
            JsonNode reply = http.postMultipart("/v1/audio/transcriptions", form(piece, language, expected));
            words.addAll(WhisperWords.openAi(reply, piece.startMillis()));
            seconds += reply.path("duration").asDouble(Math.max(0, piece.lengthMillis()) / 1000.0);
        }
        return new Transcript(words, new ProviderCall(config.model(), "transcription", seconds / 60, "minute"),
                SpokenMatch.of(words, expected));
    }

    private MultipartForm form(Piece piece, Language language, List<Segment> expected) {
        MultipartForm form = new MultipartForm()
                .file("file", piece.filename(), contentType(piece.filename()), piece.file())
                .field("model", config.model())
                .field("response_format", "verbose_json")
                .field("timestamp_granularities[]", "word")
                .field("language", language.code());
        String hint = hint(expected, piece);
        return hint.isEmpty() ? form : form.field("prompt", hint);
    }

    private List<Piece> pieces(Path audio) {
        byte[] file = read(audio);
        String name = audio.getFileName().toString();
        if (file.length <= config.maxUploadBytes()) {
            return List.of(new Piece(file, name, 0, PcmWav.parse(file).map(PcmWav::durationMillis).orElse(-1L)));
        }
        PcmWav wav = PcmWav.parse(file).orElseThrow(() -> ProviderException.permanent(PROVIDER, audio + " is "
                + file.length + " bytes, over the " + config.maxUploadBytes() + "-byte upload limit, and not a PCM WAV "
                + "that can be cut without ffmpeg"));
        List<Piece> pieces = new ArrayList<>();
        long startFrame = 0;
        for (PcmWav part : wav.split(config.maxUploadBytes())) {
            long start = startFrame * 1000 / wav.sampleRate();
            startFrame += part.frames();
            pieces.add(new Piece(part.toBytes(), "part-" + pieces.size() + ".wav", start,
                    startFrame * 1000 / wav.sampleRate() - start));
        }
        return pieces;
    }

    /** The expected text spoken within the piece, as Whisper's prompt (it helps names and spelling). */
    private static String hint(List<Segment> expected, Piece piece) {
        StringBuilder text = new StringBuilder();
        for (Segment segment : expected) {
            if (piece.overlaps(segment)) {
                text.append(segment.text().strip()).append(' ');
            }
        }
        String hint = text.toString().strip();
        return hint.length() <= PROMPT_CHARS ? hint : hint.substring(0, PROMPT_CHARS);
    }

    static String contentType(String filename) {
        String lower = filename.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".wav")) {
            return "audio/wav";
        }
        if (lower.endsWith(".mp3")) {
            return "audio/mpeg";
        }
        return lower.endsWith(".mp4") || lower.endsWith(".m4a") ? "audio/mp4" : "application/octet-stream";
    }

    private static byte[] read(Path audio) {
        try {
            return Files.readAllBytes(audio);
        } catch (IOException e) {
            throw ProviderException.permanent(PROVIDER, "cannot read " + audio + ": " + e.getMessage());
        }
    }
}
