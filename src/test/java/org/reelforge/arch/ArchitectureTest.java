package org.reelforge.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shape of DESIGN.md: the domain stands alone, the engine speaks to ports, adapters stay apart, only app wires. */
@AnalyzeClasses(packages = "org.reelforge", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final List<String> ADAPTERS = List.of("offline", "gemini", "openai", "veo", "elevenlabs", "whisper");

    @ArchTest
    static final ArchRule domainImportsNothingOfOurs = noClasses().that().resideInAPackage("org.reelforge.video..")
            .should().dependOnClassesThat().resideInAnyPackage("org.reelforge.pipeline..", "org.reelforge.provider..",
                    "org.reelforge.store..", "org.reelforge.media..", "org.reelforge.cost..", "org.reelforge.web..",
                    "org.reelforge.cli..", "org.reelforge.app..");

    @ArchTest
    static final ArchRule pipelineSpeaksOnlyToPorts = noClasses().that().resideInAPackage("org.reelforge.pipeline..")
            .should().dependOnClassesThat().resideInAnyPackage("org.reelforge.provider.*.." , "org.reelforge.web..",
                    "org.reelforge.cli..", "org.reelforge.app..");

    /** Adapters may share the provider.http, provider.llm and provider.audio helpers, never each other. */
    @Test
    void adaptersDoNotUseEachOther() {
        JavaClasses classes = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("org.reelforge.provider");
        for (String adapter : ADAPTERS) {
            String[] others = ADAPTERS.stream().filter(a -> !a.equals(adapter)).map(a -> "org.reelforge.provider." + a + "..")
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage("org.reelforge.provider." + adapter + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others).check(classes);
        }
    }

    /** ffmpeg work knows nothing of providers: the offline clip renderer lives with its adapter, not in media. */
    @ArchTest
    static final ArchRule mediaImportsNoProvider = noClasses().that().resideInAPackage("org.reelforge.media..")
            .should().dependOnClassesThat().resideInAPackage("org.reelforge.provider..");

    @ArchTest
    static final ArchRule onlyAppWires = noClasses().that().resideOutsideOfPackage("org.reelforge.app..")
            .should().dependOnClassesThat().resideInAPackage("org.reelforge.app..");

    @ArchTest
    static final ArchRule adaptersDoNotReachTheEngine = noClasses().that().resideInAPackage("org.reelforge.provider..")
            .should().dependOnClassesThat().resideInAnyPackage("org.reelforge.pipeline..", "org.reelforge.store..",
                    "org.reelforge.web..", "org.reelforge.cli..");
}
