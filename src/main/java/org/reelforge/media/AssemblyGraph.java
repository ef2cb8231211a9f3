package org.reelforge.media;

import java.util.List;
import java.util.Locale;
import org.reelforge.video.Aspect;

/**
 * Builds the video filter graphs of an assembly. Inputs are numbered as on the command line: the clips first
 * (0..n-1), or the clips' playlist as input 0 when streamed. File names never appear in a graph except
 * {@code captions.ass}, a plain name resolved in the working directory.
 */
final class AssemblyGraph {
    static final int FPS = 30;
    static final String CAPTIONS_FILE = "captions.ass";

    private final List<Assembler.Input> inputs;
    private final List<Probe> probes;
    private final Aspect aspect;

    AssemblyGraph(List<Assembler.Input> inputs, List<Probe> probes, Aspect aspect) {
        this.inputs = List.copyOf(inputs);
        this.probes = List.copyOf(probes);
        this.aspect = aspect;
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
                fit(probes.get(0), aspect), FPS, total, withCaptions ? ",ass=" + CAPTIONS_FILE : "");
    }

    private String clipVideo(int index, Assembler.Input input, Probe probe) {
        String d = seconds(input.durationMillis());
        return String.format(Locale.ROOT, "[%d:v]trim=start=%s:duration=%s,setpts=PTS-STARTPTS,%s,setsar=1,"
                        + "fps=%d,format=yuv420p,tpad=stop_mode=clone:stop_duration=1,trim=duration=%s,setpts=PTS-STARTPTS[v%d];",
                index, seconds(input.offsetMillis()), d, fit(probe, aspect), FPS, d, index);
    }

    /** Fills the frame (crops a little) when the clip's shape is close to the format's, else fits it with black bars. */
    static String fit(Probe probe, Aspect aspect) {
        int w = aspect.width();
        int h = aspect.height();
        double shape = probe.height() == 0 ? 0 : (double) probe.width() / probe.height();
        double ratio = shape / ((double) w / h);
        if (ratio > 0.9 && ratio < 1.12) {
            return String.format(Locale.ROOT, "scale=%d:%d:force_original_aspect_ratio=increase,crop=%d:%d", w, h, w, h);
        }
        return String.format(Locale.ROOT, "scale=%d:%d:force_original_aspect_ratio=decrease,pad=%d:%d:(ow-iw)/2:(oh-ih)/2",
                w, h, w, h);
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
