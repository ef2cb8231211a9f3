package org.reelforge.media;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loudness of an audio signal per EBU R128: integrated loudness (LUFS), true peak (dBTP), loudness
 * range (LU); threshold and offset are NaN unless a measurement gave them.
 * Silence gives {@link Double#NEGATIVE_INFINITY} for loudness and peak.
 */
public record Loudness(double integratedLufs, double truePeakDbtp, double rangeLu, double thresholdLufs,
                       double offsetLu) {
    private static final Pattern EBUR_I = Pattern.compile("^\\s*I:\\s*(\\S+) LUFS");
    private static final Pattern EBUR_LRA = Pattern.compile("^\\s*LRA:\\s*(\\S+) LU");
    private static final Pattern EBUR_PEAK = Pattern.compile("^\\s*Peak:\\s*(\\S+) dBFS");

    /** True when there is something to normalise: a finite integrated loudness above the -70 LUFS gate. */
    public boolean isAudible() {
        return Double.isFinite(integratedLufs) && integratedLufs > -70;
    }

    /** Measures {@code file}'s first audio stream with ffmpeg's {@code ebur128=peak=true} (audio only: fast). */
    public static Loudness measure(Ffmpeg ffmpeg, Path file) {
        Ffmpeg.Run run = ffmpeg.ffmpeg("measure the loudness of " + file.getFileName(), null, List.of(
                "-i", Ffmpeg.fileArg(file), "-map", "0:a:0", "-af", "ebur128=peak=true:framelog=verbose",
                "-f", "null", "-"));
        return parseEbur128(run.stderr());
    }

    /** Reads the summary that ebur128 prints at the end. */
    static Loudness parseEbur128(List<String> stderr) {
        int summary = lastIndexContaining(stderr, "Summary:");
        if (summary < 0) {
            throw new MediaException("ebur128 printed no summary:\n" + String.join("\n", stderr));
        }
        double integrated = Double.NaN;
        double range = Double.NaN;
        double peak = Double.NaN;
        for (String line : stderr.subList(summary, stderr.size())) {
            integrated = match(EBUR_I, line, integrated);
            range = match(EBUR_LRA, line, range);
            peak = match(EBUR_PEAK, line, peak);
        }
        return new Loudness(integrated, peak, range, Double.NaN, Double.NaN);
    }

    private static int lastIndexContaining(List<String> lines, String marker) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).contains(marker)) {
                return i;
            }
        }
        return -1;
    }

    private static double match(Pattern pattern, String line, double otherwise) {
        Matcher m = pattern.matcher(line);
        return m.find() ? decibels(m.group(1)) : otherwise;
    }

    private static double decibels(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "inf", "+inf" -> Double.POSITIVE_INFINITY;
            default -> Double.parseDouble(value.strip());
        };
    }
}
