package io.github.kenshinbooking.jdbc;

import org.junit.jupiter.api.DisplayName;

@DisplayName("compliance scenarios on MariaDb")
class MariaDbScenariosTest extends ScenarioTests {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }
}
