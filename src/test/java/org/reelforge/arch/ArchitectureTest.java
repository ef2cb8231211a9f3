package org.reelforge.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
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
    private static final List<String> ADAPTERS = List.of("offline", "gemini", "openai", "veo", "omni", "elevenlabs", "whisper");

    @ArchTest
    static final ArchRule domainImportsNothingOfOurs = noClasses().that().resideInAPackage("org.reelforge.video..")
            .should().dependOnClassesThat().resideInAnyPackage("org.reelforge.pipeline..", "org.reelforge.provider..",
                    "org.reelforge.store..", "org.reelforge.media..", "org.reelforge.cost..", "org.reelforge.web..",
                    "org.reelforge.cli..", "org.reelforge.app..", "org.reelforge.account..", "org.reelforge.jobs..");

    /** The engine knows the ports it declares or is given, never an adapter, a database, a job queue or a front end. */
    @ArchTest
    static final ArchRule pipelineSpeaksOnlyToPorts = noClasses().that().resideInAPackage("org.reelforge.pipeline..")
            .should().dependOnClassesThat().resideInAnyPackage("org.reelforge.provider.*..", "org.reelforge.store..",
                    "org.reelforge.jobs..", "org.reelforge.web..", "org.reelforge.cli..", "org.reelforge.app..",
                    "org.reelforge.account..");

    /** Of media, the engine sees the assembler and clip-check ports, their failure and the music bed value; of artifacts, the store port. */
    @ArchTest
    static final ArchRule pipelineSeesMediaAndArtifactsThroughPorts = noClasses().that()
            .resideInAPackage("org.reelforge.pipeline..").should().dependOnClassesThat(
                    resideInAPackage("org.reelforge.media..")
                            .and(not(nameMatching("org\\.reelforge\\.media\\.(Assembler|ClipInspector|MediaException|MusicBed)(\\$.*)?")))
                            .or(nameMatching("org\\.reelforge\\.artifact\\.(S3.*|Local.*|ArtifactStores.*)")));

    @ArchTest
    static final ArchRule cliDoesNotUseTheWebServer = noClasses().that().resideInAPackage("org.reelforge.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.reelforge.web..");

    /** The front ends reach data through the ports the app hands them (accounts, statistics, runs), never the store. */
    @ArchTest
    static final ArchRule frontEndsDoNotReachTheStore = noClasses().that().resideInAnyPackage("org.reelforge.web..",
                    "org.reelforge.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.reelforge.store..");

    /** Accounts are domain: users and passwords, behind a port the store implements. */
    @ArchTest
    static final ArchRule accountsStandAlone = noClasses().that().resideInAPackage("org.reelforge.account..")
            .should().dependOnClassesThat().resideInAnyPackage("org.reelforge.store..", "org.reelforge.web..",
                    "org.reelforge.cli..", "org.reelforge.pipeline..", "org.reelforge.jobs..");

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
