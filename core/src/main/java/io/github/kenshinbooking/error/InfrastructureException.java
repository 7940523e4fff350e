package io.github.kenshinbooking.error;

/**
 * Infrastructure failed (database unreachable, mail server error, ...). Never a rule outcome:
 * rule outcomes are {@link Refusal}s. The use case that met it wrote nothing.
 */
public class InfrastructureException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An infrastructure failure with its cause.
     *
     * @param message what failed
     * @param cause the adapter's exception
     */
    public InfrastructureException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * An infrastructure failure without an underlying exception.
     *
     * @param message what failed
     */
    public InfrastructureException(String message) {
        super(message);
    }
}
