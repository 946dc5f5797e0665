package org.apppasswords;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The plugin's packages form the picture the README draws: features own their domain types and
 * store interfaces, the backends implement them, the login rules build on the features, and only
 * the Guice wiring ({@code modules}) names a backend or Guice itself. A cycle or a forbidden import
 * fails the build, and so does a package or a class that outgrows a newcomer's reading.
 */
class ArchitectureTest {
    private static final String ROOT = "org.apppasswords";
    private static final JavaClasses MAIN = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(ROOT);
    private static final Path SOURCES = Paths.get("src/main/java/org/apppasswords");

    @Test
    void packagesShouldFormNoCycle() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(MAIN);
    }

    /** The README's picture: a package uses only packages of lower layers. */
    @Test
    void packagesShouldUseOnlyLowerLayers() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("wiring").definedBy(ROOT + ".modules..")
            .layer("james").definedBy(ROOT + ".repository..")
            .layer("rules").definedBy(ROOT + ".login..", ROOT + ".lifecycle..")
            .layer("backends").definedBy(ROOT + ".store.jdbc..", ROOT + ".store.memory..")
            .layer("features").definedBy(ROOT + ".throttle..", ROOT + ".apppassword..", ROOT + ".totp..", ROOT + ".session..",
                ROOT + ".activity..")
            .layer("vocabulary").definedBy(ROOT + ".store", ROOT + ".audit..", ROOT + ".configuration..", ROOT + ".hashing..",
                ROOT + ".signout..", ROOT + ".scope..", ROOT + ".notice..")
            .whereLayer("wiring").mayNotBeAccessedByAnyLayer()
            .whereLayer("james").mayOnlyBeAccessedByLayers("wiring")
            .whereLayer("rules").mayOnlyBeAccessedByLayers("james", "wiring")
            .whereLayer("backends").mayOnlyBeAccessedByLayers("wiring")
            .whereLayer("features").mayOnlyBeAccessedByLayers("rules", "backends", "james", "wiring")
            .check(MAIN);
    }

    @Test
    void onlyTheWiringShouldNameAStoreBackend() {
        noClasses().that().resideOutsideOfPackages(ROOT + ".modules..", ROOT + ".store.jdbc..", ROOT + ".store.memory..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".store.jdbc..", ROOT + ".store.memory..")
            .check(MAIN);
    }

    @Test
    void onlyTheWiringShouldUseGuice() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".modules..")
            .should().dependOnClassesThat().resideInAPackage("com.google.inject..")
            .check(MAIN);
    }

    @Test
    void featuresShouldNotDependOnTheLoginRulesNorTheirUsers() {
        noClasses().that().resideInAnyPackage(ROOT + ".apppassword..", ROOT + ".totp..", ROOT + ".session..", ROOT + ".throttle..",
                ROOT + ".hashing..", ROOT + ".audit..", ROOT + ".configuration..", ROOT + ".store", ROOT + ".signout..",
                ROOT + ".scope..", ROOT + ".activity..", ROOT + ".notice..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".login..", ROOT + ".repository..", ROOT + ".lifecycle..",
                ROOT + ".modules..")
            .check(MAIN);
    }

    @Test
    void theLoginRulesShouldNotKnowJamesAdaptersNorTheLifeCycle() {
        noClasses().that().resideInAPackage(ROOT + ".login..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".repository..", ROOT + ".lifecycle..", ROOT + ".modules..")
            .check(MAIN);
    }

    @Test
    void theSharedStoreVocabularyShouldNameNoFeature() {
        noClasses().that().resideInAPackage(ROOT + ".store")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".apppassword..", ROOT + ".totp..", ROOT + ".session..",
                ROOT + ".throttle..", ROOT + ".activity..")
            .check(MAIN);
    }

    @Test
    void noPackageShouldHoldMoreThanTwelveClasses() throws IOException {
        Map<Path, Long> classesPerPackage;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            classesPerPackage = files.filter(file -> file.toString().endsWith(".java"))
                .collect(Collectors.groupingBy(Path::getParent, Collectors.counting()));
        }
        assertThat(classesPerPackage).allSatisfy((directory, count) -> assertThat(count).as(directory.toString()).isLessThanOrEqualTo(12));
    }

    @Test
    void noClassShouldExceedTwoHundredLines() throws IOException {
        Map<Path, Long> linesPerFile;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            linesPerFile = files.filter(file -> file.toString().endsWith(".java"))
                .collect(Collectors.toMap(Function.identity(), ArchitectureTest::lines));
        }
        assertThat(linesPerFile).allSatisfy((file, lines) -> assertThat(lines).as(file.toString()).isLessThanOrEqualTo(200));
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
