package io.github.kenshinbooking.web;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.HouseholdSession;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A logged-in household: the engine's session (SES-1) resumed from the cookie's token. The credentials are
 * the token itself, never the password. Immutable.
 */
public final class HouseholdAuthentication extends AbstractAuthenticationToken {
    private static final long serialVersionUID = 1L;

    private final transient HouseholdSession session;
    private final String token;

    HouseholdAuthentication(HouseholdSession session, String token) {
        super(List.of(new SimpleGrantedAuthority("ROLE_HOUSEHOLD")));
        this.session = requireNonNull(session, "session");
        this.token = requireNonNull(token, "token");
        setAuthenticated(true);
    }

    /** @return the engine's session */
    public HouseholdSession session() {
        return session;
    }

    /** @return the session token (SES-1) */
    String token() {
        return token;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return session.household().value();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HouseholdAuthentication other && other.token.equals(token);
    }

    @Override
    public int hashCode() {
        return token.hashCode();
    }
}
