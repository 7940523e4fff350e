package io.github.kenshinbooking.testkit.memory;

import io.github.kenshinbooking.memory.InMemoryStorage;
import io.github.kenshinbooking.storage.Storage;
import io.github.kenshinbooking.testkit.contract.BadInputProperties;

/** HARD-3 through every entry point on the in-memory adapter of core. */
class InMemoryBadInputProperties extends BadInputProperties {
    @Override
    protected Storage createStorage() {
        return new InMemoryStorage();
    }
}
