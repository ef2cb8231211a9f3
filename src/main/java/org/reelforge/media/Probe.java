package org.reelforge.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What ffprobe says about a media file. Absent streams give null codecs and zero sizes/rates.
 *
 * @param durationMillis container duration
 * @param fps            average frame rate of the video stream, 0 without video
 */
public record Probe(long durationMillis, int width, int height, String videoCodec, String videoProfile,
                    String audioCodec, int sampleRate, int channels, double fps) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Probes {@code file} with ffprobe's JSON output. */
    public static Probe of(Ffmpeg ffmpeg, Path file) {
        Ffmpeg.Run run = ffmpeg.ffprobe("probe " + file.getFileName(), List.of("-print_format", "json",
                "-show_format", "-show_streams", Ffmpeg.fileArg(file)));
        return parse(run.stdout());
    }

    /** Reads ffprobe's {@code -print_format json -show_format -show_streams} output. */
    public static Probe parse(String json) {
        JsonNode root = read(json);
        JsonNode video = firstStream(root, "video");
        JsonNode audio = firstStream(root, "audio");
        double seconds = root.path("format").path("duration").asDouble(0);
        return new Probe(Math.round(seconds * 1000), video.path("width").asInt(0), video.path("height").asInt(0),
                text(video, "codec_name"), text(video, "profile"), text(audio, "codec_name"),
                audio.path("sample_rate").asInt(0), audio.path("channels").asInt(0),
                rate(video.path("avg_frame_rate").asText("0/1")));
    }

    public boolean hasVideo() {
        return videoCodec != null;
    }

    public boolean hasAudio() {
        return audioCodec != null;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new MediaException("ffprobe gave unreadable JSON: " + e.getMessage(), e);
        }
    }

    private static JsonNode firstStream(JsonNode root, String type) {
        for (JsonNode stream : root.path("streams")) {
            if (type.equals(stream.path("codec_type").asText())) {
                return stream;
            }
        }
        return JSON.createObjectNode();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static double rate(String fraction) {
        String[] parts = fraction.split("/");
        double num = Double.parseDouble(parts[0]);
        double den = parts.length > 1 ? Double.parseDouble(parts[1]) : 1;
        return den == 0 ? 0 : num / den;
    }
}
