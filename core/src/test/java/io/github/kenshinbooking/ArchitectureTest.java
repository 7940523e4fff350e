package io.github.kenshinbooking;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/DESIGN.md, guarded: no package cycles; values and policy at the bottom, the
 * domain and its ports above them, the use cases (the engine's package) above the ports, and the
 * in-memory adapter beside the use cases; core is framework-free.
 */
class ArchitectureTest {
    private static final String ROOT = "io.github.kenshinbooking";
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** No cycles between the packages right below {@code root}, each with its sub-packages one slice. */
    static ArchRule noCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    @Test
    @DisplayName("no package cycles in core")
    void noCycles() {
        noCycles(ROOT).check(CORE);
    }

    @Test
    @DisplayName("the cycle rule catches a package cycle (a deliberate one in the test fixtures)")
    void cycleRuleCatchesACycle() {
        String fixture = ROOT + ".archfixture.cycle";
        JavaClasses withCycle = new ClassFileImporter().importPackages(fixture);
        assertThat(withCycle.contain(fixture + ".a.Alpha")).isTrue();
        assertThat(noCycles(fixture).evaluate(withCycle).hasViolation()).isTrue();
    }

    @Test
    @DisplayName("layers: values and policy, domain, ports and observation, use cases and the in-memory adapter, each only downwards")
    void layers() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Values").definedBy(ROOT + ".error..", ROOT + ".policy..", ROOT + ".household..",
                        ROOT + ".eligibility..")
                .layer("Domain").definedBy(ROOT + ".schedule..", ROOT + ".account..", ROOT + ".reservation..",
                        ROOT + ".notification..", ROOT + ".subsidy..", ROOT + ".audit..", ROOT + ".staff..", ROOT + ".exchange..")
                .layer("Ports").definedBy(ROOT + ".storage..")
                .layer("Observation").definedBy(ROOT + ".observation..")
                .layer("UseCases").definedBy(ROOT)
                .layer("Memory").definedBy(ROOT + ".memory..")
                .whereLayer("UseCases").mayNotBeAccessedByAnyLayer()
                .whereLayer("Memory").mayNotBeAccessedByAnyLayer()
                .whereLayer("Ports").mayOnlyBeAccessedByLayers("UseCases", "Memory")
                .whereLayer("Observation").mayOnlyBeAccessedByLayers("UseCases")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("Domain", "Ports", "UseCases", "Memory")
                .check(CORE);
    }

    @Test
    @DisplayName("error and policy are the bottom: they depend on no other package of the library")
    void bottom() {
        noClasses().that().resideInAnyPackage(ROOT + ".error..", ROOT + ".policy..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT, ROOT + ".household..",
                        ROOT + ".eligibility..", ROOT + ".schedule..", ROOT + ".account..", ROOT + ".reservation..",
                        ROOT + ".notification..", ROOT + ".storage..", ROOT + ".subsidy..", ROOT + ".memory..",
                        ROOT + ".observation..", ROOT + ".audit..", ROOT + ".staff..")
                .check(CORE);
    }

    @Test
    @DisplayName("the observation port knows the error codes only: no domain, port or use-case type")
    void observationIsSmall() {
        noClasses().that().resideInAPackage(ROOT + ".observation..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT, ROOT + ".policy..", ROOT + ".household..",
                        ROOT + ".eligibility..", ROOT + ".schedule..", ROOT + ".account..", ROOT + ".reservation..",
                        ROOT + ".notification..", ROOT + ".storage..", ROOT + ".subsidy..", ROOT + ".memory..",
                        ROOT + ".audit..", ROOT + ".staff..")
                .check(CORE);
    }

    @Test
    @DisplayName("the engine's package exposes only the engine, the use cases, the session and its token: the rest is package-private")
    void closedEngine() {
        classes().that().resideInAPackage(ROOT).and().arePublic().and().areTopLevelClasses()
                .should().haveSimpleNameEndingWith("Service")
                .orShould().haveSimpleName("KenshinBooking")
                .orShould().haveSimpleName("ReminderJob")
                .orShould().haveSimpleName("RetentionJob")
                .orShould().haveSimpleName("HouseholdSession")
                .orShould().haveSimpleName("LoginResult")
                .orShould().haveSimpleName("SessionToken")
                .check(CORE);
        noClasses().that().resideInAPackage(ROOT).and().haveSimpleNameEndingWith("Service")
                .should().haveModifier(JavaModifier.ABSTRACT).check(CORE);
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors().that().areDeclaredInClassesThat()
                .resideInAPackage(ROOT).and().areDeclaredInClassesThat().haveSimpleNameEndingWith("Service")
                .should().notBePublic().check(CORE);
    }

    @Test
    @DisplayName("core depends on no java.sql, Jackson, Flyway, mail or adapter module")
    void noInfrastructure() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..",
                "com.fasterxml.jackson..", "org.flywaydb..", "jakarta.mail..", "com.zaxxer..",
                ROOT + ".jdbc..", ROOT + ".mail..", ROOT + ".testkit..", ROOT + ".examples..")
                .check(CORE);
    }

    @Test
    @DisplayName("time only through the injected Clock: no now() without a clock")
    void noSystemTime() {
        noClasses().should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .check(CORE);
    }

    @Test
    @DisplayName("values (records) are immutable: no non-final fields")
    void recordsImmutable() {
        fields().that().areDeclaredInClassesThat().areAssignableTo(Record.class).should().beFinal().check(CORE);
    }
}
