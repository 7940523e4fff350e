package io.github.kenshinbooking.error;

/**
 * Infrastructure failed (database unreachable, mail server error, ...). Never a rule outcome:
 * rule outcomes are {@link Refusal}s. The use case that met it wrote nothing.
 */
public class InfrastructureException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InfrastructureException(String message, Throwable cause) {
        super(message, cause);
    }

    public InfrastructureException(String message) {
        super(message);
    }
}
