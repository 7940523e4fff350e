package io.github.kenshinbooking.jdbc;

import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.HouseholdDirectory;
import io.github.kenshinbooking.storage.Storage;
import io.github.kenshinbooking.testkit.contract.AccountStoreContract;
import io.github.kenshinbooking.testkit.contract.AuditLogContract;
import io.github.kenshinbooking.testkit.contract.BookingStorageContract;
import io.github.kenshinbooking.testkit.contract.CourseOptionContract;
import io.github.kenshinbooking.testkit.contract.HouseholdDirectoryContract;
import io.github.kenshinbooking.testkit.contract.HardeningContract;
import io.github.kenshinbooking.testkit.contract.IdempotencyStoreContract;
import io.github.kenshinbooking.testkit.contract.LoginAttemptStoreContract;
import io.github.kenshinbooking.testkit.contract.NotificationOutboxContract;
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

/**
 * testkit's port contracts against {@link JdbcStorage} and {@link JdbcHouseholdDirectory}, once per
 * database: each subclass registers its database and hands out fresh storage; the nested contract
 * classes are inherited.
 */
abstract class JdbcContracts {
    /** Storage over the subclass's database with every table emptied. */
    abstract Storage fresh();

    /** Whether every connection draws ids from one sequence (not so through all nodes of a Galera cluster). */
    boolean oneIdSequence() {
        return true;
    }

    /** Whether a row lock taken on one connection holds off the others (not across Galera's nodes). */
    boolean rowLocksSpanConnections() {
        return true;
    }

    @Nested
    class Slots extends SlotStoreContract {
        @Override
        protected Storage createStorage() {
            return JdbcContracts.this.fresh();
        }
    }

    @Nested
    class Reservations extends ReservationStoreContract {
        @Override
        protected Storage createStorage() {
            return JdbcContracts.this.fresh();
        }
    }

    @Nested
    class WaitingList extends WaitingListStoreContract {
        @Override
        protected Storage createStorage() {
            return JdbcContracts.this.fresh();
        }

        @Override
        protected boolean idsFollowJoiningOrder() {
            return JdbcContracts.this.oneIdSequence();
        }
    }

    @Nested
    class CoursesAndOptions extends CourseOptionContract {
        @Override
        protected Storage createStorage() {
            return JdbcContracts.this.fresh();
        }
    }

    @Nested
    class Idempotency extends IdempotencyStoreContract {
        @Override
        protected Storage createStorage() {
            return JdbcContracts.this.fresh();
        }

        @Override
        protected boolean racesWaitForTheHolder() {
            return JdbcContracts.this.rowLocksSpanConnections();
        }
    }

    @Nested
    class Bookings extends BookingStorageContract {
        @Override
        protected Storage createStorage() {
            return JdbcContracts.this.fresh();
        }
    }

    @Nested
    class Outbox extends NotificationOutboxContract {
        @Override
        protected Storage createStorage() {
            return JdbcContracts.this.fresh();
        }
    }

    @Nested
    class Accounts extends AccountStoreContract {
        @Override
        protected Storage createStorage() {
            return JdbcContracts.this.fresh();
        }
    }

    @Nested
    class LoginAttempts extends LoginAttemptStoreContract {
        @Override
        protected Storage createStorage() {
            return JdbcContracts.this.fresh();
        }
    }

    @Nested
    class ResetTokens extends ResetTokenStoreContract {
        @Override
        protected Storage createStorage() {
            return JdbcContracts.this.fresh();
        }
    }

    @Nested
    class Sessions extends SessionStoreContract {
        @Override
        protected Storage createStorage() {
            return JdbcContracts.this.fresh();
        }
    }

    @Nested
    class UnitsOfWork extends UnitOfWorkContract {
        @Override
        protected Storage createStorage() {
            return JdbcContracts.this.fresh();
        }
    }

    @Nested
    class Directory extends HouseholdDirectoryContract {
        @Override
        protected HouseholdDirectory createDirectory() {
            return JdbcHouseholdDirectory.of((JdbcStorage) JdbcContracts.this.fresh());
        }

        @Override
        protected void put(HouseholdDirectory directory, Household household) {
            ((JdbcHouseholdDirectory) directory).put(household);
        }
    }

    @Nested
    class Hardening extends HardeningContract {
        @Override
        protected Storage createStorage() {
            return JdbcContracts.this.fresh();
        }
    }

    @Nested
    class Roster extends RosterContract {
        @Override
        protected Storage createStorage() {
            return JdbcContracts.this.fresh();
        }

        @Override
        protected HouseholdRegistry createRegistry(Storage storage) {
            return JdbcHouseholdDirectory.of((JdbcStorage) storage);
        }
    }

    @Nested
    class SlotImport extends SlotImportContract {
        @Override
        protected Storage createStorage() {
            return JdbcContracts.this.fresh();
        }

        @Override
        protected HouseholdRegistry createRegistry(Storage storage) {
            return JdbcHouseholdDirectory.of((JdbcStorage) storage);
        }
    }

    @Nested
    class Registry extends HouseholdRegistryContract {
        @Override
        protected Storage createStorage() {
            return JdbcContracts.this.fresh();
        }

        @Override
        protected HouseholdRegistry createRegistry(Storage storage) {
            return JdbcHouseholdDirectory.of((JdbcStorage) storage);
        }
    }

    @Nested
    class Retention extends RetentionContract {
        @Override
        protected Storage createStorage() {
            return JdbcContracts.this.fresh();
        }

        @Override
        protected HouseholdRegistry createRegistry(Storage storage) {
            return JdbcHouseholdDirectory.of((JdbcStorage) storage);
        }
    }

    @Nested
    class Audit extends AuditLogContract {
        @Override
        protected Storage createStorage() {
            return JdbcContracts.this.fresh();
        }
    }

    @Nested
    class StaffAccounts extends StaffAccountStoreContract {
        @Override
        protected Storage createStorage() {
            return JdbcContracts.this.fresh();
        }
    }
}
