package io.github.kenshinbooking.spring;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.account.PasswordHash;
import io.github.kenshinbooking.account.PasswordHasher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * A password hasher timed by Micrometer: {@value #METER} with tag {@code operation} = {@code hash} or
 * {@code verify}. Thread-safe if the hasher is.
 */
public final class TimedPasswordHasher implements PasswordHasher {
    /** The timer's name. */
    public static final String METER = "kenshin.password.hashing";

    private final PasswordHasher delegate;
    private final Timer hash;
    private final Timer verify;

    /**
     * Times a hasher.
     *
     * @param delegate the hasher
     * @param registry where the timers are registered
     */
    public TimedPasswordHasher(PasswordHasher delegate, MeterRegistry registry) {
        this.delegate = requireNonNull(delegate, "delegate");
        requireNonNull(registry, "registry");
        this.hash = Timer.builder(METER).description("Time to hash or verify a password (PW-3)")
                .tag("operation", "hash").register(registry);
        this.verify = Timer.builder(METER).description("Time to hash or verify a password (PW-3)")
                .tag("operation", "verify").register(registry);
    }

    @Override
    public PasswordHash hash(String password) {
        return hash.record(() -> delegate.hash(password));
    }

    @Override
    public boolean verify(String password, PasswordHash hash) {
        Boolean ok = verify.record(() -> delegate.verify(password, hash));
        return ok != null && ok;
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        return delegate.needsRehash(hash);
    }

    /**
     * The hasher this one times.
     *
     * @return the timed hasher
     */
    public PasswordHasher delegate() {
        return delegate;
    }

    @Override
    public String toString() {
        return "Timed[" + delegate + "]";
    }
}
