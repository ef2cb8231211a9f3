package org.reelforge.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.reelforge.provider.SpeechSynthesizer;
import org.reelforge.video.Language;
import org.reelforge.wire.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "voices", description = "List the voices of the configured speech provider for a language (for --voice).")
final class VoicesCommand implements Callable<Integer> {
    @ParentCommand
    ReelForgeCli root;
    @Mixin
    DataDirOption data;
    @Option(names = "--language", defaultValue = "fr", description = "BCP-47 language (default ${DEFAULT-VALUE}).")
    String language;
    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() {
        Language lang = Language.of(language);
        try (Workspace ws = root.open(data.dataDir)) {
            List<SpeechSynthesizer.Voice> voices = ws.voices(lang);
            if (json) {
                System.out.println(Json.writePretty(voices));
                return ExitCodes.DONE;
            }
            if (voices.isEmpty()) {
                System.out.println("No voice for " + lang.tag() + ".");
            }
            for (int i = 0; i < voices.size(); i++) {
                SpeechSynthesizer.Voice v = voices.get(i);
                System.out.println(v.id() + "  " + v.name() + (i == 0 ? "  (default)" : ""));
            }
            return ExitCodes.DONE;
        }
    }
}
