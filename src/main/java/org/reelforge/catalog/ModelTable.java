package org.reelforge.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.reelforge.provider.ClipCapabilities;

/** The catalog as the Markdown table of the README (a test keeps the two equal) and as one-line price summaries. */
public final class ModelTable {
    private ModelTable() {
    }

    public static String markdown(ModelCatalog catalog) {
        StringBuilder out = new StringBuilder("| model | provider | service | API | status | clips | price |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (CatalogModel m : catalog.models()) {
            out.append("| `").append(m.id()).append("` | ").append(m.provider()).append(" | ").append(m.service())
                    .append(" | ").append(m.api().wireName()).append(" | ").append(status(m.lifecycle())).append(" | ")
                    .append(m.clip().map(ModelTable::clips).orElse("")).append(" | ").append(price(m)).append(" |\n");
        }
        return out.toString();
    }

    /** "live", "shut down 2026-10-22 (→ gemini-omni-1.1-flash)", "deprecated, ends 2026-12-01". */
    public static String status(Lifecycle l) {
        String text = switch (l.state()) {
            case LIVE -> "live";
            case DEPRECATED -> "deprecated" + (l.date() == null ? "" : ", ends " + l.date());
            case SHUT_DOWN -> "shut down " + l.date();
        };
        return l.replacement() == null ? text : text + " (→ " + l.replacement() + ")";
    }

    private static String clips(ClipCapabilities c) {
        String ext = c.extension() == null ? "" : ", extend +" + c.extension().stepSeconds().describe() + " to "
                + c.extension().maxTotalSeconds() + " s";
        return c.lengths().describe() + ", " + String.join("/", c.resolutions()) + (c.nativeAudio() ? ", audio" : "") + ext;
    }

    /** What the model costs in the units people compare: per second of clip, per 1M tokens, per 1K characters. */
    public static String price(CatalogModel m) {
        if (m.prices().isEmpty()) {
            return "not priced";
        }
        if (m.prices().stream().allMatch(p -> p.usd().signum() == 0)) {
            return "free";
        }
        if (m.clip().isPresent()) {
            List<String> resolutions = m.clip().get().resolutions().stream()
                    .filter(r -> m.pricePerSecond(r).isPresent()).toList();
            String each = resolutions.stream().map(r -> usd(m.pricePerSecond(r).orElseThrow(), 2)).collect(Collectors.joining(" / "));
            String basis = m.tokensPerSecond() > 0 ? " (billed by video token)" : "";
            return "$" + each + " per s (" + String.join("/", resolutions) + ")" + basis;
        }
        List<String> parts = new ArrayList<>();
        per(m, "input_token", 1_000_000, "1M input tokens").ifPresent(parts::add);
        per(m, "audio_input_token", 1_000_000, "1M audio input tokens").ifPresent(parts::add);
        per(m, "output_token", 1_000_000, "1M output tokens").ifPresent(parts::add);
        per(m, "character", 1000, "1K characters").ifPresent(parts::add);
        per(m, "minute", 1, "minute").ifPresent(parts::add);
        return String.join(", ", parts);
    }

    private static Optional<String> per(CatalogModel m, String unit, int scale, String label) {
        return m.price(unit, null).map(p -> "$" + usd(p.multiply(BigDecimal.valueOf(scale)), 3) + " per " + label);
    }

    private static String usd(BigDecimal value, int scale) {
        BigDecimal v = value.setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
        return (v.scale() < 2 ? v.setScale(2) : v).toPlainString();
    }
}
