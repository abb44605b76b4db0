package dev.baton;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
}
