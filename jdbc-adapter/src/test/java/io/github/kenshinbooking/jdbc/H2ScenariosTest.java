package io.github.kenshinbooking.jdbc;

import org.junit.jupiter.api.DisplayName;

@DisplayName("compliance scenarios on H2")
class H2ScenariosTest extends ScenarioTests {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
