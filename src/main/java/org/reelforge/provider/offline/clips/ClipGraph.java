package org.reelforge.provider.offline.clips;

import java.util.List;
import java.util.Locale;

/**
 * The lavfi graph of a locally rendered clip: an animated gradient in the look's palette (made small,
 * scaled up: cheap), a grid and a few shapes so that motion shows, the motion, then the on-screen text and
 * a "block N" badge drawn from text files in the working directory ({@code expansion=none}: user text
 * never enters the graph). Audio: speech (input 0 when present) over a quiet room tone.
 */
final class ClipGraph {
    static final int WIDTH = 720;
    static final int HEIGHT = 1280;
    static final int FPS = 24;
    static final String FONT_FILE = "font.ttf";
    static final String BADGE_FILE = "badge.txt";
    /** Speech starts this late into the clip, like a breath. */
    static final long SPEECH_DELAY_MILLIS = 200;

    private ClipGraph() {
    }

    /** Video graph → {@code [vout]}; {@code textLines} is how many {@code lineN.txt} files exist. */
    static String video(ClipLook look, double seconds, int textLines) {
        int canvasW = WIDTH + 2 * Motion.MARGIN;
        int canvasH = HEIGHT + 2 * Motion.MARGIN;
        List<String> c = look.palette();
        String sceneTime = String.format(Locale.ROOT, "(t+%.3f)", look.phaseSeconds());
        StringBuilder graph = new StringBuilder(String.format(Locale.ROOT,
                "gradients=s=%dx%d:c0=0x%s:c1=0x%s:c2=0x%s:n=3:speed=0.015:seed=%d:r=%d:d=%.3f,format=yuv420p,"
                        + "scale=%d:%d,drawgrid=w=120:h=120:t=2:c=0x%s@0.35,%s%s",
                canvasW / 4, canvasH / 4, c.get(0), c.get(1), c.get(2), Math.floorMod(look.seed(), 100_000), FPS, seconds,
                canvasW, canvasH, c.get(2), shapes(look, canvasW, canvasH), look.motion().filters(WIDTH, HEIGHT, sceneTime)));
        for (int i = 0; i < textLines; i++) {
            graph.append(String.format(Locale.ROOT, ",drawtext=fontfile=%s:textfile=line%d.txt:expansion=none:fontsize=60"
                            + ":fontcolor=white:borderw=4:bordercolor=black@0.8:x=(w-text_w)/2:y=%d",
                    FONT_FILE, i + 1, 330 + i * 80));
        }
        graph.append(String.format(Locale.ROOT, ",drawtext=fontfile=%s:textfile=%s:expansion=none:fontsize=30:fontcolor=white"
                + ":box=1:boxcolor=black@0.55:boxborderw=10:x=40:y=130,setsar=1[vout]", FONT_FILE, BADGE_FILE));
        return graph.toString();
    }

    /** Three translucent boxes placed by the look's seed: same seed, same scene. */
    private static String shapes(ClipLook look, int canvasW, int canvasH) {
        StringBuilder shapes = new StringBuilder();
        int seed = look.seed();
        for (int i = 0; i < 3; i++) {
            seed = seed * 1_103_515_245 + 12_345;
            int size = 140 + Math.floorMod(seed >> 8, 220);
            int x = Math.floorMod(seed >> 4, canvasW - size);
            int y = Math.floorMod(seed >> 12, canvasH - size);
            shapes.append(String.format(Locale.ROOT, "drawbox=x=%d:y=%d:w=%d:h=%d:c=0x%s@0.45:t=fill,",
                    x, y, size, size, look.palette().get((i + 1) % 3)));
        }
        return shapes.toString();
    }

    /** Audio graph → {@code [aout]}: 48 kHz stereo, exactly {@code seconds} long. */
    static String audio(boolean withSpeech, double seconds) {
        String roomTone = String.format(Locale.ROOT, "anoisesrc=c=brown:a=0.003:r=48000:d=%.3f,aformat=sample_fmts=fltp:channel_layouts=stereo", seconds);
        if (!withSpeech) {
            return roomTone + "[aout]";
        }
        return String.format(Locale.ROOT, "%s[room];[0:a]aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,"
                        + "adelay=%d:all=1,apad,atrim=duration=%.3f[speech];[speech][room]amix=inputs=2:duration=first:normalize=0[aout]",
                roomTone, SPEECH_DELAY_MILLIS, seconds);
    }
}
