package org.reelforge.cli;

import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.reelforge.wire.VideoView;

/**
 * Shows a video's progress in the terminal: on a TTY, a redrawn panel with a bar per step and one per block
 * (with its clip state and retries); elsewhere (pipes, CI), one line per new event.
 */
final class ProgressView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private final PrintStream out;
    private final boolean tty;
    private long lastEventId;
    private int drawnLines;

    ProgressView(PrintStream out, boolean tty) {
        this.out = out;
        this.tty = tty;
    }

    void show(VideoView.Detail r) {
        if (tty) {
            redraw(r);
        } else {
            r.events().stream().filter(e -> e.id() > lastEventId).forEach(e ->
                    out.println("[" + TIME.format(e.at()) + "] " + e.type() + ": " + e.message()));
        }
        r.events().stream().mapToLong(VideoView.EventView::id).max().ifPresent(id -> lastEventId = Math.max(lastEventId, id));
    }

    private void redraw(VideoView.Detail r) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < drawnLines; i++) {
            s.append("\u001b[1A\u001b[2K");
        }
        List<String> lines = panel(r);
        lines.forEach(l -> s.append(l).append('\n'));
        drawnLines = lines.size();
        out.print(s);
        out.flush();
    }

    static List<String> panel(VideoView.Detail r) {
        List<String> lines = new java.util.ArrayList<>();
        lines.add(r.videoId() + "  " + r.statusLabel() + "  " + bar(r.progressPercentage(), 24) + " " + r.progressPercentage() + "%");
        lines.add("  " + steps(r));
        for (VideoView.BlockView b : r.blocks()) {
            String state = b.clip() == null ? "waiting" : b.clip().status();
            String retries = b.clip() == null || b.clip().retryCount() == 0 ? "" : " (retry " + b.clip().retryCount() + ")";
            lines.add(String.format(Locale.ROOT, "  block %2d %ds %s %-10s%s", b.index(), b.duration(), blockBar(state), state, retries));
        }
        lines.add("  " + r.message());
        if (!r.events().isEmpty()) {
            VideoView.EventView last = r.events().get(r.events().size() - 1);
            lines.add("  " + ellipsize(last.message(), 100));
        }
        return lines;
    }

    private static String steps(VideoView.Detail r) {
        List<String> order = r.mode().equals("narrated")
                ? List.of("script", "adapt", "audio", "clips", "assembly") : List.of("script", "clips", "assembly");
        StringBuilder s = new StringBuilder();
        int next = r.startFrom() == null ? order.size() : order.indexOf(r.startFrom());
        for (int i = 0; i < order.size(); i++) {
            String mark = i < next ? "✔" : i == next && !"failed".equals(r.status()) ? "▶" : i == next ? "✘" : "·";
            s.append(mark).append(' ').append(order.get(i)).append("   ");
        }
        return s.toString().strip();
    }

    private static String blockBar(String state) {
        return switch (state) {
            case "success" -> "[██████]";
            case "pending" -> "[███░░░]";
            case "submitting" -> "[█░░░░░]";
            case "failed" -> "[!!░░░░]";
            case "abandoned" -> "[xxxxxx]";
            default -> "[░░░░░░]";
        };
    }

    private static String bar(int percent, int width) {
        int filled = Math.max(0, Math.min(width, percent * width / 100));
        return "[" + "█".repeat(filled) + "░".repeat(width - filled) + "]";
    }

    private static String ellipsize(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
