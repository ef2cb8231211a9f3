package org.reelforge.cli;

import java.util.concurrent.Callable;
import org.reelforge.catalog.ProvidersReport;
import org.reelforge.wire.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Which provider and model each step uses and why, whether its key is set and its model answers, prices, shutdowns. */
@Command(name = "providers", description = "Show the provider and model of each step, its key (set or not), the model "
        + "lookup, prices and the catalog's shutdown dates.")
final class ProvidersCommand implements Callable<Integer> {
    @ParentCommand
    ReelForgeCli root;
    @Mixin
    DataDirOption data;
    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() {
        try (Workspace ws = root.open(data.dataDir)) {
            ProvidersReport report = ws.providers();
            System.out.println(json ? Json.writePretty(report) : text(report));
            return ExitCodes.DONE;
        }
    }

    static String text(ProvidersReport report) {
        StringBuilder out = new StringBuilder();
        for (ProvidersReport.Step s : report.steps()) {
            out.append(s.step()).append(": ").append(s.provider()).append(' ').append(s.model())
                    .append(s.service().equals("local") ? "" : " on " + s.service()).append(" (").append(s.reason()).append(")\n");
            if (!s.keyVariable().isEmpty()) {
                out.append("  key: ").append(s.keyVariable()).append(s.keySet() ? " is set" : " is not set").append('\n');
            }
            out.append("  model lookup: ").append(s.lookup()).append('\n');
            out.append("  status: ").append(s.status()).append("; price: ").append(s.price()).append('\n');
        }
        out.append("Shutdowns known to the model catalog (").append(report.catalogDate()).append("):\n");
        report.shutdowns().forEach(d -> out.append("  ").append(d.model()).append(" (").append(d.service()).append("): ")
                .append(d.status()).append('\n'));
        return out.toString().stripTrailing();
    }
}
