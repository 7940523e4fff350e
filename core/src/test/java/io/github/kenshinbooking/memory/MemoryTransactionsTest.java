package io.github.kenshinbooking.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The undo log and the lock behind every in-memory store (the {@code UnitOfWork} port): a unit of
 * work that throws leaves nothing behind, a nested one joins the outer one, and the lock is free
 * again once a unit of work or a read has ended.
 */
class MemoryTransactionsTest {
    private final MemoryTransactions tx = new MemoryTransactions();
    private final Map<String, Integer> map = new HashMap<>();

    @Test
    @DisplayName("a unit of work that completes keeps its puts and removes and returns the work's result")
    void commit() throws Refusal {
        map.put("kept", 1);
        map.put("gone", 2);

        String result = tx.execute(() -> {
            tx.put(map, "new", 3);
            tx.put(map, "kept", 10);
            tx.remove(map, "gone");
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(map).containsExactlyInAnyOrderEntriesOf(Map.of("kept", 10, "new", 3));
    }

    @Test
    @DisplayName("a refusal undoes every put and remove of the unit of work and is rethrown as it was")
    void refusalUndoes() {
        map.put("replaced", 1);
        map.put("removed", 2);
        Refusal refusal = Refusal.of(ErrorCode.SLOT_FULL);

        Refusal thrown = catchThrowableOfType(Refusal.class, () -> tx.execute(() -> {
            tx.put(map, "added", 3);       // a new key: undone by removing it, not by mapping it to null
            tx.put(map, "replaced", 10);
            tx.put(map, "replaced", 11);   // two puts of one key: undone back to the first value
            tx.remove(map, "removed");
            tx.remove(map, "absent");      // removing nothing has nothing to undo
            throw refusal;
        }));

        assertThat(thrown).isSameAs(refusal);
        assertThat(map).containsExactlyInAnyOrderEntriesOf(Map.of("replaced", 1, "removed", 2));
        assertThat(map).doesNotContainKeys("added", "absent");
    }

    @Test
    @DisplayName("an unchecked exception undoes the unit of work too and is rethrown")
    void exceptionUndoes() {
        map.put("a", 1);
        IllegalStateException bug = new IllegalStateException("bug");

        assertThatThrownBy(() -> tx.write(() -> {
            tx.put(map, "a", 2);
            tx.put(map, "b", 3);
            throw bug;
        })).isSameAs(bug);

        assertThat(map).containsExactlyEntriesOf(Map.of("a", 1));
    }

    @Test
    @DisplayName("the unit of work is usable after a failure: the next one that fails is undone as well")
    void usableAfterFailureAndSuccess() throws Refusal {
        tx.execute(() -> {
            tx.put(map, "first", 1);
            return null;
        });
        assertThatThrownBy(() -> tx.execute(() -> {
            tx.put(map, "second", 2);
            throw Refusal.of(ErrorCode.SLOT_FULL);
        })).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> tx.execute(() -> {
            tx.put(map, "third", 3);
            throw Refusal.of(ErrorCode.SLOT_FULL);
        })).isInstanceOf(Refusal.class);

        assertThat(map).containsExactlyEntriesOf(Map.of("first", 1));
    }

    @Test
    @DisplayName("a nested unit of work joins the outer one: the outer failure undoes the inner writes")
    void nestedJoinsOuter() {
        assertThatThrownBy(() -> tx.execute(() -> {
            tx.put(map, "outer", 1);
            tx.execute(() -> {
                tx.put(map, "inner", 2);
                return null;
            });
            tx.put(map, "outer-after", 3); // still inside the outer unit of work
            throw Refusal.of(ErrorCode.SLOT_FULL);
        })).isInstanceOf(Refusal.class);

        assertThat(map).isEmpty();
    }

    @Test
    @DisplayName("a nested write that completes commits only with the outer unit of work")
    void nestedWriteCommitsWithOuter() throws Refusal {
        int result = tx.execute(() -> {
            tx.write(() -> tx.put(map, "inner", 2));
            tx.put(map, "outer", 1);
            return map.size();
        });

        assertThat(result).isEqualTo(2);
        assertThat(map).containsExactlyInAnyOrderEntriesOf(Map.of("inner", 2, "outer", 1));
    }

    @Test
    @DisplayName("a store's put or remove outside a unit of work is a bug, also after a unit of work has ended")
    void writeOutsideUnitOfWork() throws Refusal {
        assertThatThrownBy(() -> tx.put(map, "a", 1)).isInstanceOf(IllegalStateException.class);
        tx.execute(() -> {
            tx.put(map, "a", 1);
            return null;
        });
        assertThatThrownBy(() -> tx.put(map, "b", 2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> tx.remove(map, "a")).isInstanceOf(IllegalStateException.class);
        assertThat(map).containsExactlyEntriesOf(Map.of("a", 1));
    }

    @Test
    @DisplayName("a read sees the unit of work's own writes before it ends")
    void readInsideUnitOfWork() throws Refusal {
        Integer seen = tx.execute(() -> {
            tx.put(map, "a", 7);
            return tx.read(() -> map.get("a"));
        });

        assertThat(seen).isEqualTo(7);
    }

    @Test
    @DisplayName("the lock is free for another thread once a unit of work, a failed one or a read has ended")
    void lockReleased() throws Exception {
        tx.execute(() -> {
            tx.put(map, "a", 1);
            return null;
        });
        assertThatThrownBy(() -> tx.execute(() -> {
            throw Refusal.of(ErrorCode.SLOT_FULL);
        })).isInstanceOf(Refusal.class);
        assertThat(tx.read(() -> map.get("a"))).isEqualTo(1);

        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            // a lock left held by this thread would block the other one for good
            Integer read = other.submit(() -> tx.read(() -> map.get("a"))).get(30, TimeUnit.SECONDS);
            Integer written = other.submit(() -> tx.execute(() -> {
                tx.put(map, "a", 2);
                return map.get("a");
            })).get(30, TimeUnit.SECONDS);

            assertThat(read).isEqualTo(1);
            assertThat(written).isEqualTo(2);
        } finally {
            other.shutdownNow();
        }
    }
}
