package org.reelforge.app;

import java.nio.file.Path;
import java.util.Map;
import org.reelforge.ReelForgeException;
import org.reelforge.catalog.ModelCatalog;
import org.reelforge.pipeline.PipelineSettings;
import org.reelforge.provider.ClipCapabilities;

/**
 * Everything ReelForge is configured with, from the environment (documented in the README) and the
 * data directory chosen on the command line. Secrets stay in {@link #env()} and are never printed.
 */
public record Config(Path dataDir, String databaseUrl, String databaseUser, String databasePassword,
                     PipelineSettings pipeline, boolean firstPollSet, String x264Preset, Map<String, String> env) {

    static final String CLIP_RESOLUTION = "REELFORGE_CLIP_RESOLUTION";

    public static Config from(Path dataDir, Map<String, String> environment) {
        Settings s = new Settings(environment);
        PipelineSettings d = PipelineSettings.defaults();
        PipelineSettings p = new PipelineSettings(
                s.integer("REELFORGE_MAX_RETRIES", d.maxJobRetries(), 0, 20),
                s.integer("REELFORGE_CLIP_MAX_RETRIES", d.maxClipRetries(), 0, 20),
                s.duration("REELFORGE_FIRST_POLL", d.firstPoll()),
                s.duration("REELFORGE_POLL_INTERVAL", d.pollInterval()),
                s.duration("REELFORGE_STALE_PENDING", d.stalePending()),
                s.duration("REELFORGE_ASSEMBLY_TIMEOUT", d.assemblyTimeout()),
                s.duration("REELFORGE_MONITOR_INTERVAL", d.monitorInterval()),
                s.duration("REELFORGE_JOB_RETRY_DELAY", d.jobRetryDelay()),
                s.duration("REELFORGE_RATE_LIMIT_WAIT", d.rateLimitWait()),
                s.usd("REELFORGE_BUDGET_USD", d.defaultBudgetUsd()),
                s.duration("REELFORGE_RATE_LIMIT_MAX_WAIT", d.rateLimitMaxWait()),
                s.duration("REELFORGE_ASSEMBLY_LEAD_TIME", d.assemblyLeadTime()),
                s.integer("REELFORGE_CLIP_CONCURRENCY", d.clipConcurrency(), 0, 1000), d.clipResolution());
        return new Config(dataDir, s.string("REELFORGE_DATABASE_URL", null), s.string("REELFORGE_DATABASE_USER", null),
                s.string("REELFORGE_DATABASE_PASSWORD", null), p, s.isSet("REELFORGE_FIRST_POLL"),
                s.string("REELFORGE_X264_PRESET", "veryfast"), Map.copyOf(environment));
    }

    Settings settings() {
        return new Settings(env);
    }

    /** The model catalog: the bundled one with {@code <dataDir>/models.json} merged in. */
    public ModelCatalog catalog() {
        return ModelCatalog.load(dataDir);
    }

    /**
     * {@code REELFORGE_CLIP_RESOLUTION} (360p, 720p, 1080p or 4k; default 720p, or the model's own default when it does
     * not offer 720p), checked against what the chosen clip model offers.
     */
    String clipResolution(ClipCapabilities clips) {
        Settings s = settings();
        if (!s.isSet(CLIP_RESOLUTION)) {
            return clips.defaultResolution();
        }
        String wanted = s.string(CLIP_RESOLUTION, "720p").toLowerCase(java.util.Locale.ROOT);
        if (!java.util.List.of("360p", "720p", "1080p", "4k").contains(wanted)) {
            throw new ReelForgeException(CLIP_RESOLUTION + " must be 360p, 720p, 1080p or 4k (got \"" + wanted + "\")");
        }
        if (!clips.resolutions().contains(wanted)) {
            throw new ReelForgeException(CLIP_RESOLUTION + "=" + wanted + ": " + clips.model() + " makes "
                    + String.join(", ", clips.resolutions()));
        }
        return wanted;
    }

    /** The price table file that overrides the defaults, if present: {@code <dataDir>/prices.properties}. */
    public Path pricesFile() {
        return Path.of(new Settings(env).string("REELFORGE_PRICES_FILE", dataDir.resolve("prices.properties").toString()));
    }

    @Override
    public String toString() {
        return "Config[dataDir=" + dataDir + ", database=" + (databaseUrl == null ? "sqlite" : "postgresql") + "]";
    }
}
