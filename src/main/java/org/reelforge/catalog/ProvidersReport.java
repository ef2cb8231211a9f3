package org.reelforge.catalog;

import java.util.List;

/**
 * Which provider and model each step uses, and whether it can work today: for {@code ./reelforge providers} and
 * {@code GET /api/providers}. Never holds a key: only whether its variable is set.
 *
 * @param catalogDate the catalog's source date
 * @param steps       script, voice, clip, transcriber, in that order
 * @param shutdowns   every shutdown the catalog knows, soonest first
 */
public record ProvidersReport(String catalogDate, List<Step> steps, List<Shutdown> shutdowns) {
    public ProvidersReport {
        steps = List.copyOf(steps);
        shutdowns = List.copyOf(shutdowns);
    }

    /**
     * @param provider    its name in {@code REELFORGE_<STEP>_PROVIDER}, or {@code offline}
     * @param reason      why it was chosen
     * @param keyVariable the variable(s) holding its credential; empty for the offline providers
     * @param keySet      whether that credential is set (never the value)
     * @param lookup      {@code answered}, {@code missing: …}, {@code shut down: …}, {@code not checked} or
     *                    {@code could not ask: …}
     * @param price       per unit, from the catalog and the price table
     * @param status      the catalog's lifecycle of the model (live, shut down 2026-10-22…)
     */
    public record Step(String step, String provider, String model, String service, String reason, String keyVariable,
                       boolean keySet, String lookup, String price, String status) {
    }

    public record Shutdown(String model, String service, String status) {
    }
}
