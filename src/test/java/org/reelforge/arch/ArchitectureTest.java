package org.reelforge.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The shape of DESIGN.md: the domain stands alone, the engine speaks to ports, adapters stay apart, only app wires. */
@AnalyzeClasses(packages = "org.reelforge", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule domainImportsNothingOfOurs = noClasses().that().resideInAPackage("org.reelforge.video..")
            .should().dependOnClassesThat().resideInAnyPackage("org.reelforge.pipeline..", "org.reelforge.provider..",
                    "org.reelforge.store..", "org.reelforge.media..", "org.reelforge.cost..", "org.reelforge.web..",
                    "org.reelforge.cli..", "org.reelforge.app..");

    @ArchTest
    static final ArchRule pipelineSpeaksOnlyToPorts = noClasses().that().resideInAPackage("org.reelforge.pipeline..")
            .should().dependOnClassesThat().resideInAnyPackage("org.reelforge.provider.*.." , "org.reelforge.web..",
                    "org.reelforge.cli..", "org.reelforge.app..");

    @ArchTest
    static final ArchRule offlineAdaptersDoNotUseRealOnes = noClasses().that().resideInAPackage("org.reelforge.provider.offline..")
            .should().dependOnClassesThat().resideInAnyPackage("org.reelforge.provider.gemini..", "org.reelforge.provider.openai..",
                    "org.reelforge.provider.veo..", "org.reelforge.provider.elevenlabs..", "org.reelforge.provider.whisper..");

    @ArchTest
    static final ArchRule realAdaptersDoNotUseEachOther = noClasses().that().resideInAnyPackage("org.reelforge.provider.veo..",
                    "org.reelforge.provider.elevenlabs..", "org.reelforge.provider.whisper..")
            .should().dependOnClassesThat().resideInAnyPackage("org.reelforge.provider.gemini..", "org.reelforge.provider.openai..",
                    "org.reelforge.provider.offline..")
            .allowEmptyShould(true); // no real adapter exists yet; the rule guards them once they do

    @ArchTest
    static final ArchRule onlyAppWires = noClasses().that().resideOutsideOfPackage("org.reelforge.app..")
            .should().dependOnClassesThat().resideInAPackage("org.reelforge.app..");

    @ArchTest
    static final ArchRule adaptersDoNotReachTheEngine = noClasses().that().resideInAPackage("org.reelforge.provider..")
            .should().dependOnClassesThat().resideInAnyPackage("org.reelforge.pipeline..", "org.reelforge.store..",
                    "org.reelforge.web..", "org.reelforge.cli..");
}
