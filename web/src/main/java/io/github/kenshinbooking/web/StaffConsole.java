package io.github.kenshinbooking.web;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.error.RefusalMessages;
import io.github.kenshinbooking.policy.SessionPolicy;
import io.github.kenshinbooking.staff.StaffAccount;
import io.github.kenshinbooking.staff.StaffMember;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import io.github.kenshinbooking.schedule.DeadlineKind;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.Venue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The staff console's session and what its pages share. The engine keeps household sessions only (SES-1's
 * store is keyed by household), so a staff member's sign-in is kept in a servlet HTTP session: its id
 * changes at sign-in (no fixation), its cookie is HttpOnly, SameSite=Strict and limited to {@code /staff}, it
 * ends after the policy's idle time (SES-2's 30 minutes) and, checked on every request, 12 hours after the
 * sign-in or as soon as the account is disabled. The trade-off: a console session lives on the instance that
 * signed in (sticky routing, or the single back-office instance); households are not affected.
 */
@Component
class StaffConsole implements HandlerInterceptor {
    /** Every path of the console. */
    static final String PATHS = "/staff/**";
    /** The sign-in page. */
    static final String LOGIN = "/staff/login";
    /** What only administrators may open. */
    static final String ADMIN_PATHS = "/staff/accounts/**";

    private final KenshinBooking engine;
    private final RefusalMessages messages;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final CookieCsrfTokenRepository csrf = new CookieCsrfTokenRepository();

    StaffConsole(KenshinBooking engine, RefusalMessages messages) {
        this.engine = requireNonNull(engine, "engine");
        this.messages = requireNonNull(messages, "messages");
        csrf.setCookieName("KENSHIN_STAFF_CSRF");
        csrf.setHeaderName("X-STAFF-CSRF-TOKEN");
        csrf.setCookiePath("/staff");
        csrf.setCookieCustomizer(c -> c.sameSite("Strict").httpOnly(true));
    }

    SecurityContextRepository contexts() {
        return contexts;
    }

    CsrfTokenRepository csrf() {
        return csrf;
    }

    KenshinBooking engine() {
        return engine;
    }

    FormErrors errors(Refusal refusal, String... formFields) {
        return FormErrors.of(refusal, messages, Set.of(formFields));
    }

    String message(Refusal refusal) {
        return messages.message(refusal);
    }

    RefusalMessages messages() {
        return messages;
    }

    /** A slot as the console lists it: with its booking deadline (SLOT-2) and whether that has passed. */
    record SlotLine(Slot slot, LocalDateTime deadline, boolean pastDeadline, boolean beforeOpening) {
        /** @return places left */
        public int remaining() {
            return slot.remaining();
        }

        /** @return 受付中, 受付締切後, 受付開始前, 停止中 or 開催中止 */
        public String state() {
            return slot.eventCancelled() ? "開催中止" : slot.closed() ? "停止中" : pastDeadline ? "受付締切後"
                    : beforeOpening ? "受付開始前" : "受付中";
        }
    }

    /** The slots of a day (all venues, or one), in order, with their deadlines. */
    List<SlotLine> slotsOn(LocalDate date, Optional<Venue> venue) {
        List<SlotLine> lines = new ArrayList<>();
        for (Slot s : engine.storage().slots().findBetween(venue, date, date.plusDays(1))) {
            lines.add(line(s));
        }
        lines.sort(Comparator.comparing((SlotLine l) -> l.slot().start()).thenComparing(l -> l.slot().venue().name()));
        return lines;
    }

    SlotLine line(Slot s) {
        LocalDateTime deadline;
        try {
            deadline = engine.calendar().deadline(s.id(), DeadlineKind.BOOKING);
        } catch (Refusal gone) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        boolean past = !LocalDateTime.now(engine.clock().withZone(engine.policy().zone())).isBefore(deadline);
        return new SlotLine(s, deadline, past, s.receptionOpens().isAfter(engine.clock().instant()));
    }

    /** Starts the staff session: a new session id, a new CSRF token, the authentication stored. */
    void signIn(StaffMember member, HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        session.setMaxInactiveInterval((int) policy().idle().toSeconds());
        StaffAuthentication auth = new StaffAuthentication(member, engine.clock().instant());
        new CsrfAuthenticationStrategy(csrf).onAuthentication(auth, request, response);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    /** Ends the staff session. */
    void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
    }

    /** Ends a session past the absolute expiry, or of an account since disabled, before any page runs. */
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws java.io.IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof StaffAuthentication auth) {
            Instant now = engine.clock().instant();
            boolean expired = !now.isBefore(auth.signedInAt().plus(policy().absolute()));
            boolean enabled = engine.storage().staffAccounts().find(auth.staffId()).filter(StaffAccount::enabled)
                    .isPresent();
            if (expired || !enabled) {
                signOut(request);
                response.sendRedirect(request.getContextPath() + LOGIN + "?expired");
                return false;
            }
        }
        return true;
    }

    private SessionPolicy policy() {
        return engine.policy().sessions();
    }
}
