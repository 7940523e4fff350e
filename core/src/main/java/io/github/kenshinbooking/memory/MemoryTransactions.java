package io.github.kenshinbooking.memory;

import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.storage.UnitOfWork;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The one lock of every in-memory store and the undo log of the unit of work running on this
 * thread. One lock for all stores, not one per store, because a booking's writes span stores and
 * the capacity and ONE-1 checks must see no other writer between check and write. Every write runs
 * in a unit of work (the caller's, or one of its own), so a write that throws halfway leaves
 * nothing behind. Internal.
 */
final class MemoryTransactions implements UnitOfWork {
    private final ReentrantLock lock = new ReentrantLock();
    private final ThreadLocal<Deque<Runnable>> undo = new ThreadLocal<>();

    @Override
    public <T> T execute(Work<T> work) throws Refusal {
        Objects.requireNonNull(work, "work");
        lock.lock();
        try {
            if (undo.get() != null) {
                return work.run(); // nested: joins the outer unit of work
            }
            Deque<Runnable> log = new ArrayDeque<>();
            undo.set(log);
            boolean ok = false;
            try {
                T result = work.run();
                ok = true;
                return result;
            } finally {
                undo.remove();
                if (!ok) { // any throwable, a Refusal included
                    while (!log.isEmpty()) {
                        log.pop().run();
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Reads under the lock; inside a unit of work it sees the unit's own writes. */
    <T> T read(Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes that never refuse, in the current unit of work or as one of their own. Writes that may
     * refuse call {@link #execute} directly.
     */
    <T> T write(Supplier<T> write) {
        try {
            return execute(write::get);
        } catch (Refusal r) {
            throw new AssertionError("unexpected refusal", r);
        }
    }

    /** {@link #write(Supplier)} without a result. */
    void write(Runnable write) {
        write(() -> {
            write.run();
            return null;
        });
    }

    /** {@code map.put} that the unit of work undoes if it fails. Only inside a write. */
    <K, V> void put(Map<K, V> map, K key, V value) {
        Deque<Runnable> log = log();
        V old = map.put(key, value);
        log.push(old == null ? () -> map.remove(key) : () -> map.put(key, old));
    }

    /** {@code map.remove} that the unit of work undoes if it fails. Only inside a write. */
    <K, V> void remove(Map<K, V> map, K key) {
        Deque<Runnable> log = log();
        V old = map.remove(key);
        if (old != null) {
            log.push(() -> map.put(key, old));
        }
    }

    private Deque<Runnable> log() {
        Deque<Runnable> log = undo.get();
        if (log == null) { // a store changed a map outside write(...): its change could not be undone
            throw new IllegalStateException("in-memory write outside a unit of work");
        }
        return log;
    }
}
