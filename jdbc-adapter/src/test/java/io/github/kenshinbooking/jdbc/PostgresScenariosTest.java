package io.github.kenshinbooking.jdbc;

import org.junit.jupiter.api.DisplayName;

@DisplayName("compliance scenarios on Postgres")
class PostgresScenariosTest extends ScenarioTests {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }
}
