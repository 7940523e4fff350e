package io.github.kenshinbooking.web;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.HouseholdSession;
import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.error.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The security context of a request is the engine's session named by the cookie (SES-1): whichever
 * instance gets the request resumes it from the shared store, so nothing is kept in an HTTP session. An
 * unknown, expired or logged-out token is no context (the entry point then sends the login page).
 */
@Component
class HouseholdContextRepository implements SecurityContextRepository {
    /** Request attribute set when a cookie came with a token the engine no longer resumes (SES-2). */
    static final String EXPIRED = HouseholdContextRepository.class.getName() + ".expired";

    private final KenshinBooking engine;
    private final SessionCookie cookie;

    HouseholdContextRepository(KenshinBooking engine, SessionCookie cookie) {
        this.engine = requireNonNull(engine, "engine");
        this.cookie = requireNonNull(cookie, "cookie");
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        return new DeferredSecurityContext() {
            private SecurityContext loaded;

            @Override
            public SecurityContext get() {
                if (loaded == null) {
                    loaded = load(request);
                }
                return loaded;
            }

            @Override
            public boolean isGenerated() {
                return get().getAuthentication() == null;
            }
        };
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return load(holder.getRequest());
    }

    private SecurityContext load(HttpServletRequest request) {
        Optional<String> token = cookie.read(request);
        if (token.isEmpty()) {
            return SecurityContextHolder.createEmptyContext();
        }
        try {
            HouseholdSession session = engine.sessions().resume(token.get());
            return new SecurityContextImpl(new HouseholdAuthentication(session, token.get()));
        } catch (Refusal expiredOrUnknown) {
            request.setAttribute(EXPIRED, Boolean.TRUE);
            return SecurityContextHolder.createEmptyContext();
        }
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        // the login controller writes the cookie; the session itself lives in the engine's store
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return cookie.read(request).isPresent();
    }
}
