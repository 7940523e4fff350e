package io.github.kenshinbooking.testkit.memory;

import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.HouseholdDirectory;
import io.github.kenshinbooking.memory.InMemoryHouseholdDirectory;
import io.github.kenshinbooking.memory.InMemoryStorage;
import io.github.kenshinbooking.storage.Storage;
import io.github.kenshinbooking.testkit.contract.AccountStoreContract;
import io.github.kenshinbooking.testkit.contract.AuditLogContract;
import io.github.kenshinbooking.testkit.contract.BookingStorageContract;
import io.github.kenshinbooking.testkit.contract.HouseholdDirectoryContract;
import io.github.kenshinbooking.testkit.contract.HardeningContract;
import io.github.kenshinbooking.testkit.contract.IdempotencyStoreContract;
import io.github.kenshinbooking.testkit.contract.LoginAttemptStoreContract;
import io.github.kenshinbooking.testkit.contract.NotificationOutboxContract;
import io.github.kenshinbooking.testkit.contract.CourseOptionContract;
import io.github.kenshinbooking.testkit.contract.ReservationStoreContract;
import io.github.kenshinbooking.testkit.contract.WaitingListStoreContract;
import io.github.kenshinbooking.testkit.contract.ResetTokenStoreContract;
import io.github.kenshinbooking.testkit.contract.SessionStoreContract;
import io.github.kenshinbooking.testkit.contract.SlotStoreContract;
import io.github.kenshinbooking.testkit.contract.StaffAccountStoreContract;
import io.github.kenshinbooking.testkit.contract.UnitOfWorkContract;
import io.github.kenshinbooking.testkit.contract.HouseholdRegistryContract;
import io.github.kenshinbooking.testkit.contract.RetentionContract;
import io.github.kenshinbooking.testkit.contract.RosterContract;
import io.github.kenshinbooking.testkit.contract.SlotImportContract;
import io.github.kenshinbooking.storage.HouseholdRegistry;
import org.junit.jupiter.api.Nested;

/** The port contracts against the in-memory adapter of core. */
class InMemoryStorageContractsTest {

    @Nested
    class Slots extends SlotStoreContract {
        @Override
        protected Storage createStorage() {
            return new InMemoryStorage();
        }
    }

    @Nested
    class Reservations extends ReservationStoreContract {
        @Override
        protected Storage createStorage() {
            return new InMemoryStorage();
        }
    }

    @Nested
    class WaitingList extends WaitingListStoreContract {
        @Override
        protected Storage createStorage() {
            return new InMemoryStorage();
        }
    }

    @Nested
    class CoursesAndOptions extends CourseOptionContract {
        @Override
        protected Storage createStorage() {
            return new InMemoryStorage();
        }
    }

    @Nested
    class Idempotency extends IdempotencyStoreContract {
        @Override
        protected Storage createStorage() {
            return new InMemoryStorage();
        }
    }

    @Nested
    class Bookings extends BookingStorageContract {
        @Override
        protected Storage createStorage() {
            return new InMemoryStorage();
        }
    }

    @Nested
    class Outbox extends NotificationOutboxContract {
        @Override
        protected Storage createStorage() {
            return new InMemoryStorage();
        }
    }

    @Nested
    class Accounts extends AccountStoreContract {
        @Override
        protected Storage createStorage() {
            return new InMemoryStorage();
        }
    }

    @Nested
    class LoginAttempts extends LoginAttemptStoreContract {
        @Override
        protected Storage createStorage() {
            return new InMemoryStorage();
        }
    }

    @Nested
    class ResetTokens extends ResetTokenStoreContract {
        @Override
        protected Storage createStorage() {
            return new InMemoryStorage();
        }
    }

    @Nested
    class Sessions extends SessionStoreContract {
        @Override
        protected Storage createStorage() {
            return new InMemoryStorage();
        }
    }

    @Nested
    class UnitsOfWork extends UnitOfWorkContract {
        @Override
        protected Storage createStorage() {
            return new InMemoryStorage();
        }
    }

    @Nested
    class Directory extends HouseholdDirectoryContract {
        @Override
        protected HouseholdDirectory createDirectory() {
            return new InMemoryHouseholdDirectory();
        }

        @Override
        protected void put(HouseholdDirectory directory, Household household) {
            ((InMemoryHouseholdDirectory) directory).put(household);
        }
    }

    @Nested
    class Hardening extends HardeningContract {
        @Override
        protected Storage createStorage() {
            return new InMemoryStorage();
        }
    }

    @Nested
    class Roster extends RosterContract {
        @Override
        protected Storage createStorage() {
            return new InMemoryStorage();
        }

        @Override
        protected HouseholdRegistry createRegistry(Storage storage) {
            return new InMemoryHouseholdDirectory();
        }
    }

    @Nested
    class SlotImport extends SlotImportContract {
        @Override
        protected Storage createStorage() {
            return new InMemoryStorage();
        }

        @Override
        protected HouseholdRegistry createRegistry(Storage storage) {
            return new InMemoryHouseholdDirectory();
        }
    }

    @Nested
    class Registry extends HouseholdRegistryContract {
        @Override
        protected Storage createStorage() {
            return new InMemoryStorage();
        }

        @Override
        protected HouseholdRegistry createRegistry(Storage storage) {
            return new InMemoryHouseholdDirectory();
        }
    }

    @Nested
    class Retention extends RetentionContract {
        @Override
        protected Storage createStorage() {
            return new InMemoryStorage();
        }

        @Override
        protected HouseholdRegistry createRegistry(Storage storage) {
            return new InMemoryHouseholdDirectory();
        }
    }

    @Nested
    class Audit extends AuditLogContract {
        @Override
        protected Storage createStorage() {
            return new InMemoryStorage();
        }
    }

    @Nested
    class StaffAccounts extends StaffAccountStoreContract {
        @Override
        protected Storage createStorage() {
            return new InMemoryStorage();
        }
    }
}
