package org.reelforge.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the ffmpeg filter graphs of an assembly. Inputs are numbered as on the command line: the clips
 * first (0..n-1), then the voice-overs in block order. File names never appear in a graph except
 * {@code captions.ass}, a plain name resolved in the working directory.
 */
final class AssemblyGraph {
    static final int WIDTH = 1080;
    static final int HEIGHT = 1920;
    static final int FPS = 30;
    static final String CAPTIONS_FILE = "captions.ass";
    /** A clip under a voice-over is lowered by this much. */
    static final String DUCKING = "-12dB";

    private final List<Assembler.Input> inputs;
    private final List<Probe> probes;

    AssemblyGraph(List<Assembler.Input> inputs, List<Probe> probes) {
        this.inputs = List.copyOf(inputs);
        this.probes = List.copyOf(probes);
    }

    /** The per-block audio mixed and concatenated into {@code [acat]}, 48 kHz stereo. */
    String audio() {
        StringBuilder graph = new StringBuilder();
        StringBuilder concat = new StringBuilder();
        int voiceOver = inputs.size();
        for (int i = 0; i < inputs.size(); i++) {
            Assembler.Input input = inputs.get(i);
            graph.append(clipAudio(i, input, input.voiceOver() == null ? "a" + i : "ca" + i));
            if (input.voiceOver() != null) {
                graph.append(voiceOverAudio(voiceOver++, i, input)).append(String.format(Locale.ROOT,
                        "[ca%d][vo%d]amix=inputs=2:duration=first:normalize=0[a%d];", i, i, i));
            }
            concat.append("[a").append(i).append(']');
        }
        return graph.append(concat).append("concat=n=").append(inputs.size()).append(":v=0:a=1[acat]").toString();
    }

    /** Video chains, concat, captions burned in → {@code [vout]}. */
    String video(boolean withCaptions) {
        StringBuilder graph = new StringBuilder();
        StringBuilder concat = new StringBuilder();
        for (int i = 0; i < inputs.size(); i++) {
            graph.append(clipVideo(i, inputs.get(i), probes.get(i)));
            concat.append("[v").append(i).append(']');
        }
        graph.append(concat).append("concat=n=").append(inputs.size()).append(":v=1:a=0");
        return graph.append(withCaptions ? "[vcat];[vcat]ass=" + CAPTIONS_FILE + "[vout]" : "[vout]").toString();
    }

    /**
     * Whether the clips' pictures can be read as one stream through an ffconcat playlist (see
     * {@link ConcatList}): they all have the same frame size, so one scale/crop fits them all and nothing
     * needs re-initialising.
     */
    boolean canStream() {
        Probe first = probes.get(0);
        return probes.stream().allMatch(p -> p.width() == first.width() && p.height() == first.height());
    }

    /**
     * The streamed render's video graph: input 0 is the clips' playlist. Frames outside each file's window are
     * dropped ({@code concatdec_select}); gaps are filled (fps duplicates frames); the result is cut to exactly
     * the total duration.
     */
    String streamedVideo(boolean withCaptions) {
        String total = seconds(inputs.stream().mapToLong(Assembler.Input::durationMillis).sum());
        return String.format(Locale.ROOT, "[0:v]select=concatdec_select,%s,setsar=1,fps=%d,format=yuv420p,"
                + "tpad=stop_mode=clone:stop_duration=1,trim=duration=%s,setpts=PTS-STARTPTS%s[vout]",
                fit(probes.get(0)), FPS, total, withCaptions ? ",ass=" + CAPTIONS_FILE : "");
    }

    /** Voice-over input files in their command-line order (after the clips). */
    List<Path> voiceOvers() {
        List<Path> files = new ArrayList<>();
        inputs.stream().filter(in -> in.voiceOver() != null).forEach(in -> files.add(in.voiceOver()));
        return files;
    }

    private String clipVideo(int index, Assembler.Input input, Probe probe) {
        String d = seconds(input.durationMillis());
        return String.format(Locale.ROOT, "[%d:v]trim=start=%s:duration=%s,setpts=PTS-STARTPTS,%s,setsar=1,"
                        + "fps=%d,format=yuv420p,tpad=stop_mode=clone:stop_duration=1,trim=duration=%s,setpts=PTS-STARTPTS[v%d];",
                index, seconds(input.offsetMillis()), d, fit(probe), FPS, d, index);
    }

    /** Fills the frame (crops a little) when the aspect is close to 9:16, else fits it with black bars. */
    static String fit(Probe probe) {
        double aspect = probe.height() == 0 ? 0 : (double) probe.width() / probe.height();
        double ratio = aspect / ((double) WIDTH / HEIGHT);
        if (ratio > 0.9 && ratio < 1.12) {
            return String.format(Locale.ROOT, "scale=%d:%d:force_original_aspect_ratio=increase,crop=%d:%d",
                    WIDTH, HEIGHT, WIDTH, HEIGHT);
        }
        return String.format(Locale.ROOT, "scale=%d:%d:force_original_aspect_ratio=decrease,pad=%d:%d:(ow-iw)/2:(oh-ih)/2",
                WIDTH, HEIGHT, WIDTH, HEIGHT);
    }

    private String clipAudio(int index, Assembler.Input input, String label) {
        String d = seconds(input.durationMillis());
        String duck = input.voiceOver() == null ? "" : ",volume=" + DUCKING;
        if (!probes.get(index).hasAudio()) {
            return String.format(Locale.ROOT, "anullsrc=r=48000:cl=stereo,atrim=duration=%s[%s];", d, label);
        }
        return String.format(Locale.ROOT, "[%d:a]atrim=start=%s:duration=%s,asetpts=PTS-STARTPTS,%s%s[%s];",
                index, seconds(input.offsetMillis()), d, normalised(d), duck, label);
    }

    private static String voiceOverAudio(int inputIndex, int block, Assembler.Input input) {
        return String.format(Locale.ROOT, "[%d:a]asetpts=PTS-STARTPTS,%s[vo%d];", inputIndex,
                normalised(seconds(input.durationMillis())), block);
    }

    /** 48 kHz stereo float, padded with silence or cut to exactly {@code duration} seconds. */
    private static String normalised(String duration) {
        return "aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,apad,atrim=duration=" + duration;
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
