package io.github.kenshinbooking.testkit.memory;

import io.github.kenshinbooking.memory.InMemoryHouseholdDirectory;
import io.github.kenshinbooking.memory.InMemoryStorage;
import io.github.kenshinbooking.storage.HouseholdRegistry;
import io.github.kenshinbooking.storage.Storage;
import io.github.kenshinbooking.testkit.contract.ImportProperties;

/** DATA-2 and DATA-3 all or nothing (testkit's {@link ImportProperties}) on the in-memory adapter of core. */
class InMemoryImportProperties extends ImportProperties {
    @Override
    protected Storage createStorage() {
        return new InMemoryStorage();
    }

    @Override
    protected HouseholdRegistry createRegistry(Storage storage) {
        return new InMemoryHouseholdDirectory();
    }
}
