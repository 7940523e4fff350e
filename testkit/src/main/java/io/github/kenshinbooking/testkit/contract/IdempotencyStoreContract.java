package io.github.kenshinbooking.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.reservation.IdempotencyKey;
import io.github.kenshinbooking.reservation.ReservationId;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link io.github.kenshinbooking.reservation.IdempotencyStore} (BOOK-4).
 *
 * <p>Extend it and implement {@link StorageContractSupport#createStorage()} to return a fresh, empty
 * storage of the adapter. It checks: an unused key finds nothing and a claimed key finds its
 * reservation; claiming a claimed key answers {@code false} and keeps the first reservation; keys
 * are scoped to the household (世帯) and compared exactly; a claim in a unit of work that fails leaves
 * the key free; a claim racing a holder answers {@code false} if the holder commits and gets the key
 * if it rolls back.
 */
public abstract class IdempotencyStoreContract extends StorageContractSupport {
    private static final IdempotencyKey KEY = new IdempotencyKey("form-7f3a");

    @Test
    @DisplayName("BOOK-4 an unused key finds nothing; a claimed key finds its reservation")
    void claimAndFind() throws Exception {
        assertThat(storage.idempotency().find(HOUSEHOLD, KEY)).isEmpty();
        assertThat(inUnitOfWork(() -> storage.idempotency().claim(HOUSEHOLD, KEY, ReservationId.of(41)))).isTrue();
        assertThat(storage.idempotency().find(HOUSEHOLD, KEY)).contains(ReservationId.of(41));
    }

    @Test
    @DisplayName("BOOK-4 a key claimed already answers false and keeps the first reservation")
    void secondClaim() throws Exception {
        inUnitOfWork(() -> storage.idempotency().claim(HOUSEHOLD, KEY, ReservationId.of(41)));
        assertThat(inUnitOfWork(() -> storage.idempotency().claim(HOUSEHOLD, KEY, ReservationId.of(42)))).isFalse();
        assertThat(storage.idempotency().claim(HOUSEHOLD, KEY, ReservationId.of(43))).isFalse();
        assertThat(storage.idempotency().find(HOUSEHOLD, KEY)).contains(ReservationId.of(41));
    }

    @Test
    @DisplayName("BOOK-4 keys are scoped to the household and compared exactly")
    void scope() throws Exception {
        assertThat(storage.idempotency().claim(HOUSEHOLD, KEY, ReservationId.of(1))).isTrue();
        assertThat(storage.idempotency().claim(OTHER_HOUSEHOLD, KEY, ReservationId.of(2))).isTrue();
        IdempotencyKey upper = new IdempotencyKey("FORM-7F3A");
        assertThat(storage.idempotency().claim(HOUSEHOLD, upper, ReservationId.of(3))).isTrue();

        assertThat(storage.idempotency().find(HOUSEHOLD, KEY)).contains(ReservationId.of(1));
        assertThat(storage.idempotency().find(OTHER_HOUSEHOLD, KEY)).contains(ReservationId.of(2));
        assertThat(storage.idempotency().find(HOUSEHOLD, upper)).contains(ReservationId.of(3));
    }

    @Test
    @DisplayName("BOOK-4 a claim in a unit of work that fails leaves the key free")
    void rollback() throws Exception {
        inFailedUnitOfWork(() -> storage.idempotency().claim(HOUSEHOLD, KEY, ReservationId.of(7)));
        assertThat(storage.idempotency().find(HOUSEHOLD, KEY)).isEmpty();
        assertThat(inUnitOfWork(() -> storage.idempotency().claim(HOUSEHOLD, KEY, ReservationId.of(8)))).isTrue();
        assertThat(storage.idempotency().find(HOUSEHOLD, KEY)).contains(ReservationId.of(8));
    }

    @Test
    @DisplayName("BOOK-4 a claim racing a holder that commits answers false")
    void raceHolderCommits() throws Exception {
        List<Boolean> outcome = race(true);
        if (racesWaitForTheHolder()) {
            assertThat(outcome).containsExactly(true, false);
            assertThat(storage.idempotency().find(HOUSEHOLD, KEY)).contains(ReservationId.of(1));
        } else {
            // the first to commit wins; the other's unit of work runs again and finds the key taken
            assertThat(outcome).containsOnlyOnce(true);
            assertThat(storage.idempotency().find(HOUSEHOLD, KEY))
                    .contains(ReservationId.of(outcome.get(0) ? 1 : 2));
        }
    }

    /**
     * Whether a rival's claim waits for the holder's unit of work to end, as on one database server (the
     * default). A multi-primary cluster whose row locks are per node (MariaDB Galera) answers {@code false}
     * when the two may run on different nodes: neither waits, the first to commit keeps the key, and the
     * other is aborted at commit and runs again. Exactly one claim wins either way.
     *
     * @return {@code true} unless the store's row locks do not span its connections
     */
    protected boolean racesWaitForTheHolder() {
        return true;
    }

    @Test
    @DisplayName("BOOK-4 a claim racing a holder that rolls back gets the key")
    void raceHolderRollsBack() throws Exception {
        assertThat(race(false)).containsExactly(false, true);
        assertThat(storage.idempotency().find(HOUSEHOLD, KEY)).contains(ReservationId.of(2));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The holder claims in a unit of work and stays in it until the rival has started its own
     * claim; then it commits or fails. Returns {holder kept the key, rival got it}.
     */
    private List<Boolean> race(boolean holderCommits) throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch rivalStarted = new CountDownLatch(1);
        return concurrently(List.of(
                () -> {
                    try {
                        return inUnitOfWork(() -> {
                            boolean claimed = storage.idempotency().claim(HOUSEHOLD, KEY, ReservationId.of(1));
                            held.countDown();
                            awaitQuietly(rivalStarted);
                            if (!holderCommits) {
                                throw new IllegalStateException("holder fails");
                            }
                            return claimed;
                        });
                    } catch (IllegalStateException e) {
                        return false;
                    }
                },
                () -> {
                    held.await(30, TimeUnit.SECONDS);
                    rivalStarted.countDown();
                    return inUnitOfWork(() -> storage.idempotency().claim(HOUSEHOLD, KEY, ReservationId.of(2)));
                }));
    }
}
