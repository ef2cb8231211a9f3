package org.reelforge.app;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.reelforge.catalog.CatalogModel;
import org.reelforge.catalog.ModelCatalog;
import org.reelforge.catalog.ModelPreflight;
import org.reelforge.catalog.ModelTable;
import org.reelforge.catalog.ProvidersReport;
import org.reelforge.provider.ModelLookup;
import org.reelforge.provider.ProviderException;

/** Builds the {@link ProvidersReport} of the chosen providers, asking each real model's lookup (through the cache). */
final class ProviderReports {
    private ProviderReports() {
    }

    static ProvidersReport of(ProviderSelection.Chosen chosen, Clock clock) {
        ModelCatalog catalog = chosen.catalog();
        List<ProvidersReport.Step> steps = chosen.steps().stream().map(s -> {
            Optional<CatalogModel> model = catalog.find(s.service(), s.model());
            return new ProvidersReport.Step(s.step(), s.provider(), s.model(), s.service(), s.reason(), s.keyVariable(),
                    s.keySet(), s.target().map(t -> lookup(chosen.preflight(), t)).orElse("not needed (offline)"),
                    model.map(ModelTable::price).orElse("not in the catalog"),
                    model.map(m -> ModelTable.status(m.lifecycle())).orElse("unknown"));
        }).toList();
        List<ProvidersReport.Shutdown> shutdowns = catalog.shutdowns().stream()
                .map(m -> new ProvidersReport.Shutdown(m.id(), m.service(), ModelTable.status(m.lifecycle()))).toList();
        return new ProvidersReport(catalog.models().stream().map(m -> m.sourceDate()).max(LocalDate::compareTo)
                .map(LocalDate::toString).orElse(""), steps, shutdowns);
    }

    private static String lookup(ModelPreflight preflight, ModelPreflight.Target t) {
        try {
            ModelLookup.Answer answer = preflight.answer(t);
            if (answer instanceof ModelLookup.Answer.Unchecked) {
                return "not checked (no lookup for " + t.service() + ")";
            }
            return preflight.unavailable(t, answer).map(m -> "missing: " + m).orElse("answered");
        } catch (ProviderException e) {
            return "could not ask: " + e.getMessage();
        }
    }
}
