package io.github.kenshinbooking;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The layering of DESIGN.md, guarded: core is framework-free and adapters stay out of the domain. */
class ArchitectureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.kenshinbooking");

    @Test
    @DisplayName("core depends on no java.sql, Jackson, Flyway, mail or adapter module")
    void noInfrastructure() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..",
                "com.fasterxml.jackson..", "org.flywaydb..", "jakarta.mail..", "com.zaxxer..",
                "io.github.kenshinbooking.jdbc..", "io.github.kenshinbooking.mail..",
                "io.github.kenshinbooking.testkit..", "io.github.kenshinbooking.examples..")
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
    @DisplayName("the domain and use cases do not depend on the in-memory adapter")
    void domainIndependentOfMemoryAdapter() {
        noClasses().that().resideOutsideOfPackage("io.github.kenshinbooking.memory..")
                .should().dependOnClassesThat().resideInAPackage("io.github.kenshinbooking.memory..")
                .check(CORE);
    }

    @Test
    @DisplayName("values (records) of the domain packages are immutable: no non-final fields")
    void recordsImmutable() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields().that().areDeclaredInClassesThat()
                .areAssignableTo(Record.class).should().beFinal().check(CORE);
    }
}
