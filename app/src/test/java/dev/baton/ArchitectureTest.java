package dev.baton;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Layer rules as tests: the core runs headless, and each stage uses only the stages before it. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.baton");

    @Test
    void onlyTheUiUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("dev.baton.ui..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("the core, the CLI and the bundle scorer must run without JavaFX")
                .check(CLASSES);
    }

    @Test
    void coreStagesDoNotDependOnLaterStagesOrTheUi() {
        noClasses().that().resideInAPackage("dev.baton.data..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.baton.clean..", "dev.baton.explore..",
                        "dev.baton.train..", "dev.baton.report..", "dev.baton.bundle..", "dev.baton.project..",
                        "dev.baton.cli..", "dev.baton.ui..")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("dev.baton.data..", "dev.baton.clean..", "dev.baton.explore..",
                        "dev.baton.train..", "dev.baton.report..", "dev.baton.bundle..", "dev.baton.project..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.baton.ui..", "dev.baton.cli..")
                .check(CLASSES);
    }

    @Test
    void nothingUsesJavaDeserialization() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.io.ObjectInputStream")
                .because("bundles and projects come from other people")
                .check(CLASSES);
    }

    /** The pipeline's order: each layer may use the ones above it in this list, never one below. */
    @Test
    void layersFollowThePipeline() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("util").definedBy("dev.baton.util..")
                .layer("data").definedBy("dev.baton.data..")
                .layer("batch").definedBy("dev.baton.batch..")
                .layer("clean").definedBy("dev.baton.clean..")
                .layer("explore").definedBy("dev.baton.explore..")
                .layer("train").definedBy("dev.baton.train..")
                .layer("bundle").definedBy("dev.baton.bundle..")
                .layer("report").definedBy("dev.baton.report..")
                .layer("project").definedBy("dev.baton.project..")
                .layer("cli").definedBy("dev.baton.cli..")
                .layer("ui").definedBy("dev.baton.ui..")
                .whereLayer("ui").mayOnlyBeAccessedByLayers("cli") // the gui command opens the window
                .whereLayer("cli").mayOnlyBeAccessedByLayers("ui")
                .whereLayer("project").mayOnlyBeAccessedByLayers("cli", "ui")
                .whereLayer("report").mayOnlyBeAccessedByLayers("project", "cli", "ui")
                .whereLayer("bundle").mayOnlyBeAccessedByLayers("report", "project", "cli", "ui")
                .whereLayer("train").mayOnlyBeAccessedByLayers("bundle", "report", "project", "cli", "ui")
                .whereLayer("explore").mayOnlyBeAccessedByLayers("train", "bundle", "report", "project", "cli", "ui")
                .whereLayer("clean").mayOnlyBeAccessedByLayers("explore", "train", "bundle", "report", "project", "cli", "ui")
                .whereLayer("batch").mayOnlyBeAccessedByLayers("clean", "explore", "train", "bundle", "report", "project", "cli", "ui")
                .whereLayer("data").mayOnlyBeAccessedByLayers("batch", "clean", "explore", "train", "bundle", "report", "project", "cli", "ui")
                .check(CLASSES);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("dev.baton.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void onlyTheTaskRunnerHandsWorkToTheFxThread() {
        noClasses().that().doNotHaveFullyQualifiedName("dev.baton.ui.task.FxTaskRunner")
                .should().callMethod("javafx.application.Platform", "runLater", "java.lang.Runnable")
                .because("results reach the window through the task runner, which drops those of cancelled or superseded tasks")
                .check(CLASSES);
    }
}
