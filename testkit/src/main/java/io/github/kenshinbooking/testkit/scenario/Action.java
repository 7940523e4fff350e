package io.github.kenshinbooking.testkit.scenario;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.kenshinbooking.HouseholdSession;
import io.github.kenshinbooking.LoginResult;
import io.github.kenshinbooking.audit.AuditAction;
import io.github.kenshinbooking.audit.AuditEntry;
import io.github.kenshinbooking.audit.AuditQuery;
import io.github.kenshinbooking.audit.AuditRecord;
import io.github.kenshinbooking.audit.AuditTarget;
import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.eligibility.CourseId;
import io.github.kenshinbooking.eligibility.OptionId;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.mail.MailMessage;
import io.github.kenshinbooking.notification.NotificationData;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.HistoryEntry;
import io.github.kenshinbooking.reservation.HistoryFilter;
import io.github.kenshinbooking.reservation.ReceptionClosing;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.ReservationId;
import io.github.kenshinbooking.reservation.ReservationStatus;
import io.github.kenshinbooking.reservation.StaffId;
import io.github.kenshinbooking.reservation.WaitingEntry;
import io.github.kenshinbooking.reservation.WaitingEntryId;
import io.github.kenshinbooking.schedule.CalendarDay;
import io.github.kenshinbooking.schedule.DeadlineKind;
import io.github.kenshinbooking.schedule.Venue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** What a step does ({@code do}), with its arguments; one record per kind of SCENARIOS.md. Internal. */
sealed interface Action {
    /** The reason recorded with staff actions (CNL-2). */
    String STAFF_REASON = "scenario";

    /**
     * Runs the step against the engine.
     *
     * @throws Refusal the engine's refusal, which is the step's outcome
     */
    Outcome run(ScenarioContext c) throws Refusal;

    // ---- accounts -------------------------------------------------------------------------------

    record Login(String symbolNumber, String kana, String password) implements Action {
        @Override
        public Outcome run(ScenarioContext c) throws Refusal {
            LoginResult r = c.engine().logins().login(symbolNumber, kana, password);
            c.loggedIn(r, password);
            ObjectNode v = JsonNodeFactory.instance.objectNode();
            v.put("firstLogin", r.firstLogin());
            return Outcome.value(v);
        }
    }

    /** Resumes the household's last login token (SES-1, SES-2); no login yet means an unknown token. */
    record Resume(String household) implements Action {
        /** Stands for the token of a household that never logged in: no store holds it. */
        static final String NO_TOKEN = "no-login-yet";

        @Override
        public Outcome run(ScenarioContext c) throws Refusal {
            try {
                c.resumed(household, c.engine().sessions().resume(c.token(household).orElse(NO_TOKEN)));
            } catch (Refusal r) {
                if (r.code() == ErrorCode.SESSION_EXPIRED) {
                    c.sessionEnded(household);
                }
                throw r;
            }
            return Outcome.done();
        }
    }

    /** Logs out the household's last login token (SES-2). */
    record Logout(String household) implements Action {
        @Override
        public Outcome run(ScenarioContext c) throws Refusal {
            c.engine().sessions().logout(c.token(household).orElse(Resume.NO_TOKEN));
            c.sessionEnded(household);
            return Outcome.done();
        }
    }

    /** STAFF-1: union staff lift the household's lock. */
    record Unlock(String household, String staff, String reason) implements Action {
        @Override
        public Outcome run(ScenarioContext c) throws Refusal {
            c.engine().staff().unlock(StaffId.parse(staff), reason, household);
            return Outcome.done();
        }
    }

    record ChangePassword(String member, Optional<String> household, String current, String newPassword,
            String confirm) implements Action {
        @Override
        public Outcome run(ScenarioContext c) throws Refusal {
            HouseholdSession s = c.sessionFor(member, household);
            c.engine().passwords().changePassword(s, c.member(member).member().id(), current, newPassword, confirm);
            c.passwordChanged(s.household(), newPassword);
            return Outcome.done();
        }
    }

    record SetEmail(String member, Optional<String> household, String email, String confirm) implements Action {
        @Override
        public Outcome run(ScenarioContext c) throws Refusal {
            HouseholdSession s = c.sessionFor(member, household);
            c.engine().emails().setEmail(s, c.member(member).member().id(), email, confirm);
            return Outcome.done();
        }
    }

    record SkipEmail(String member, Optional<String> household) implements Action {
        @Override
        public Outcome run(ScenarioContext c) throws Refusal {
            HouseholdSession s = c.sessionFor(member, household);
            c.engine().emails().skipEmail(s, c.member(member).member().id());
            return Outcome.done();
        }
    }

    record RequestReset(String email) implements Action {
        @Override
        public Outcome run(ScenarioContext c) throws Refusal {
            c.engine().resets().requestReset(email);
            return Outcome.done();
        }
    }

    /** The token comes from the last PASSWORD_RESET mail's data, never from its text. */
    record ResetPassword(String tokenFromLastMailTo, String symbolNumber, String kana, String newPassword,
            String confirm) implements Action {
        /** Used when no reset mail arrived: well-formed, and no store can hold it. */
        static final String NO_TOKEN = "no-reset-mail-was-delivered";

        @Override
        public Outcome run(ScenarioContext c) throws Refusal {
            List<MailMessage> mails = c.delivered(tokenFromLastMailTo, Optional.of(NotificationKind.PASSWORD_RESET));
            Optional<String> token = mails.isEmpty() ? Optional.empty()
                    : mails.get(mails.size() - 1).notification().get(NotificationData.RESET_TOKEN);
            String note = mails.isEmpty() ? "no PASSWORD_RESET mail was delivered to " + tokenFromLastMailTo
                    : token.isEmpty() ? "the last PASSWORD_RESET mail to " + tokenFromLastMailTo + " has no token" : null;
            try {
                c.engine().resets().resetPassword(token.orElse(NO_TOKEN), symbolNumber, kana, newPassword, confirm);
            } catch (Refusal r) {
                Outcome o = Outcome.refused(r);
                return note == null ? o : o.withNote(note);
            }
            c.passwordChanged(SymbolNumber.parse(symbolNumber, "symbolNumber"), newPassword);
            return Outcome.done();
        }
    }

    // ---- reservations ---------------------------------------------------------------------------

    record Book(String member, Optional<String> household, String slot, String phone, boolean acceptTerms,
            Optional<String> idempotencyKey, Optional<String> as, Optional<String> course, List<String> options)
            implements Action {
        @Override
        public Outcome run(ScenarioContext c) throws Refusal {
            String symbol = household.orElseGet(() -> c.member(member).household());
            as.ifPresent(n -> c.attempting(n, symbol));
            HouseholdSession s = c.session(symbol);
            BookingRequest request = new BookingRequest(c.member(member).member().id(), c.slot(slot), phone,
                    acceptTerms, idempotencyKey.orElse(null), course.map(CourseId::of).orElse(null),
                    optionIds(options));
            Reservation r = c.engine().bookings().book(s, request);
            as.ifPresent(n -> c.bind(n, r));
            return Outcome.done();
        }
    }

    /**
     * With {@code staff}: a staff change (CNL-2, STAFF-2), which uses no household session, past the new
     * slot's booking deadline with {@code overrideClosing}.
     */
    record Change(String reservation, Optional<String> household, String slot, String phone, Optional<String> staff,
            Optional<String> reason, boolean overrideClosing, Optional<String> as, Optional<List<String>> options)
            implements Action {
        @Override
        public Outcome run(ScenarioContext c) throws Refusal {
            Named n = Named.of(c, reservation);
            Reservation r;
            try {
                if (staff.isPresent()) {
                    r = c.engine().staff().change(StaffId.parse(staff.get()), reason.orElse(STAFF_REASON), n.id,
                            c.slot(slot), phone, overrideClosing ? ReceptionClosing.OVERRIDDEN : ReceptionClosing.ENFORCED);
                } else {
                    HouseholdSession s = c.session(household.orElseGet(() -> c.ownerOf(reservation)));
                    r = c.engine().bookings().change(s, n.id, c.slot(slot), phone,
                            options.map(Action::optionIds).orElse(null));
                }
            } catch (Refusal e) {
                return n.refused(e);
            }
            as.ifPresent(name -> c.bind(name, r));
            return Outcome.done();
        }
    }

    /** With {@code staff}: a staff cancel (CNL-2, STAFF-2), which uses no household session. */
    record Cancel(String reservation, Optional<String> household, Optional<String> staff, Optional<String> reason)
            implements Action {
        @Override
        public Outcome run(ScenarioContext c) throws Refusal {
            Named n = Named.of(c, reservation);
            try {
                if (staff.isPresent()) {
                    c.engine().staff().cancel(StaffId.parse(staff.get()), reason.orElse(STAFF_REASON), n.id);
                } else {
                    HouseholdSession s = c.session(household.orElseGet(() -> c.ownerOf(reservation)));
                    c.engine().bookings().cancel(s, n.id);
                }
            } catch (Refusal e) {
                return n.refused(e);
            }
            return Outcome.done();
        }
    }

    record CancelEvent(String venue, LocalDate date) implements Action {
        @Override
        public Outcome run(ScenarioContext c) throws Refusal {
            c.engine().staff().cancelEventDay(Venue.parse(venue), date);
            return Outcome.done();
        }
    }

    /** STAFF-2: a booking by staff on the member's behalf (電話予約), with no household session. */
    record StaffBook(String member, String slot, String staff, String reason, String phone, boolean acceptTerms,
            Optional<String> idempotencyKey, boolean overrideClosing, Optional<String> as) implements Action {
        @Override
        public Outcome run(ScenarioContext c) throws Refusal {
            as.ifPresent(n -> c.attempting(n, c.member(member).household()));
            BookingRequest request = new BookingRequest(c.member(member).member().id(), c.slot(slot), phone,
                    acceptTerms, idempotencyKey.orElse(null));
            Reservation r = c.engine().staff().book(StaffId.parse(staff), reason, request,
                    overrideClosing ? ReceptionClosing.OVERRIDDEN : ReceptionClosing.ENFORCED);
            as.ifPresent(n -> c.bind(n, r));
            return Outcome.done();
        }
    }

    /** STAFF-3: staff close a slot to new bookings, or open it again. */
    record CloseSlot(String slot, String staff, String reason, boolean close) implements Action {
        @Override
        public Outcome run(ScenarioContext c) throws Refusal {
            if (close) {
                c.engine().staff().closeSlot(StaffId.parse(staff), reason, c.slot(slot));
            } else {
                c.engine().staff().reopenSlot(StaffId.parse(staff), reason, c.slot(slot));
            }
            return Outcome.done();
        }
    }

    /** STAFF-3: staff set a slot's capacity. */
    record SetCapacity(String slot, int capacity, String staff, String reason) implements Action {
        @Override
        public Outcome run(ScenarioContext c) throws Refusal {
            c.engine().staff().changeCapacity(StaffId.parse(staff), reason, c.slot(slot), capacity);
            return Outcome.done();
        }
    }

    record SendReminders() implements Action {
        @Override
        public Outcome run(ScenarioContext c) {
            c.engine().reminders().run();
            return Outcome.done();
        }
    }

    // ---- queries --------------------------------------------------------------------------------

    record Remaining(String slot) implements Action {
        @Override
        public Outcome run(ScenarioContext c) throws Refusal {
            return Outcome.value(IntNode.valueOf(c.engine().calendar().remaining(c.slot(slot))));
        }
    }

    record Status(String slot, String member, Optional<String> household) implements Action {
        @Override
        public Outcome run(ScenarioContext c) throws Refusal {
            HouseholdSession s = c.sessionFor(member, household);
            return Outcome.value(TextNode.valueOf(
                    c.engine().calendar().availability(s, c.member(member).member().id(), c.slot(slot)).status().name()));
        }
    }

    /** OPT-3: one optional test's places left beside the slot's, as the slot list shows them to the member. */
    record OptionPlaces(String slot, String option, String member, Optional<String> household, boolean mark)
            implements Action {
        @Override
        public Outcome run(ScenarioContext c) throws Refusal {
            HouseholdSession s = c.sessionFor(member, household);
            var shown = c.engine().calendar().availability(s, c.member(member).member().id(), c.slot(slot)).options()
                    .stream().filter(o -> o.option().value().equals(option)).findFirst();
            if (shown.isEmpty()) {
                return Outcome.value(com.fasterxml.jackson.databind.node.NullNode.getInstance());
            }
            return Outcome.value(mark ? TextNode.valueOf(shown.get().mark().symbol())
                    : IntNode.valueOf(shown.get().remaining()));
        }
    }

    /** Optional test codes as the engine takes them. */
    static java.util.Set<OptionId> optionIds(List<String> codes) {
        java.util.Set<OptionId> out = new java.util.TreeSet<>();
        codes.forEach(code -> out.add(OptionId.of(code)));
        return out;
    }

    record SlotMark(String slot) implements Action {
        @Override
        public Outcome run(ScenarioContext c) throws Refusal {
            return Outcome.value(TextNode.valueOf(c.engine().calendar().mark(c.slot(slot)).symbol()));
        }
    }

    /** Without a venue: all venues (SLOT-5, 全ての枠). */
    record MonthCalendar(Optional<String> venue, YearMonth month, String member, Optional<String> household)
            implements Action {
        @Override
        public Outcome run(ScenarioContext c) throws Refusal {
            HouseholdSession s = c.sessionFor(member, household);
            List<CalendarDay> days = c.engine().calendar().month(s, c.member(member).member().id(), month,
                    venue.map(Venue::of));
            ObjectNode v = JsonNodeFactory.instance.objectNode();
            days.forEach(d -> v.put(d.date().toString(), d.status().name()));
            return Outcome.value(v);
        }
    }

    record Deadline(String slot, DeadlineKind kind) implements Action {
        @Override
        public Outcome run(ScenarioContext c) throws Refusal {
            return Outcome.value(TextNode.valueOf(c.engine().calendar().deadline(c.slot(slot), kind).toString()));
        }
    }

    record Eligible(String member, LocalDate date) implements Action {
        @Override
        public Outcome run(ScenarioContext c) {
            return Outcome.value(BooleanNode.valueOf(c.engine().eligibility().isEligible(c.member(member).member(),
                    date)));
        }
    }

    /** SUB-1: whether the member attains the subsidy age within the fiscal year containing {@code date}. */
    record SubsidyEligible(String member, LocalDate date) implements Action {
        @Override
        public Outcome run(ScenarioContext c) {
            return Outcome.value(BooleanNode.valueOf(c.engine().eligibility().subsidyEligible(
                    c.member(member).member().birthDate(), FiscalYear.containing(date))));
        }
    }

    record History(String member, Optional<String> household, Optional<ReservationStatus> status,
            Optional<LocalDateTime> from, Optional<LocalDateTime> to) implements Action {
        @Override
        public Outcome run(ScenarioContext c) throws Refusal {
            HouseholdSession s = c.sessionFor(member, household);
            HistoryFilter filter = new HistoryFilter(from, to, status);
            ArrayNode v = JsonNodeFactory.instance.arrayNode();
            for (HistoryEntry e : c.engine().bookings().history(s, c.member(member).member().id(), filter)) {
                v.add(c.displayName(e.id()));
            }
            return Outcome.value(v);
        }
    }

    /**
     * AUDIT-1, AUDIT-2: the audit trail of one reservation, slot or household, in time order, one entry
     * per record: {@code ACTION CHANNEL actor-id}, then {@code : reason} when there is one.
     */
    record Audit(Optional<String> reservation, Optional<String> slot, Optional<String> household,
            Optional<AuditAction> action) implements Action {
        @Override
        public Outcome run(ScenarioContext c) throws Refusal {
            AuditTarget target = reservation.isPresent() ? AuditTarget.reservation(Named.of(c, reservation.get()).id)
                    : slot.isPresent() ? AuditTarget.slot(c.slot(slot.get()))
                    : AuditTarget.household(SymbolNumber.parse(household.orElseThrow(), "household"));
            AuditQuery q = AuditQuery.period(Instant.EPOCH, Instant.parse("9999-12-31T00:00:00Z")).byTarget(target);
            AuditQuery query = action.isPresent() ? q.byAction(action.get()) : q;
            ArrayNode v = JsonNodeFactory.instance.arrayNode();
            c.engine().storage().audit().forEach(query, e -> v.add(show(e)));
            return Outcome.value(v);
        }

        private static String show(AuditEntry e) {
            AuditRecord r = e.record();
            return r.action() + " " + r.channel() + " " + r.actor().id() + r.reason().map(x -> ": " + x).orElse("");
        }
    }

    record Mails(String to, Optional<NotificationKind> kind) implements Action {
        @Override
        public Outcome run(ScenarioContext c) {
            return Outcome.value(LongNode.valueOf(c.mailCount(to, kind)));
        }
    }

    record Subsidy(long cost) implements Action {
        @Override
        public Outcome run(ScenarioContext c) throws Refusal {
            return Outcome.value(LongNode.valueOf(c.engine().subsidy().subsidy(cost)));
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    /**
     * A named reservation. A name whose booking did not succeed stands for an ID no store holds, so
     * the engine answers as for any unknown reservation, and a failure message says why.
     */
    final class Named {
        private static final ReservationId NONE = ReservationId.of(Long.MAX_VALUE);

        final ReservationId id;
        final String note;

        private Named(ReservationId id, String note) {
            this.id = id;
            this.note = note;
        }

        static Named of(ScenarioContext c, String name) {
            return c.reservation(name).map(id -> new Named(id, null)).orElseGet(() -> new Named(NONE,
                    "no reservation is named \"" + name + "\": its booking did not succeed"));
        }

        /** The refusal as the step's outcome, with the reason when the name had no reservation. */
        Outcome refused(Refusal r) {
            Outcome o = Outcome.refused(r);
            return note == null ? o : o.withNote(note);
        }
    }

    // ---- waiting list (WAIT-1..WAIT-4) ------------------------------------------------------------

    /** WAIT-1: joins with the course and optional tests of the request, as a booking names them (OPT-1). */
    record JoinWaitingList(String member, Optional<String> household, String slot, String phone, boolean acceptTerms,
            Optional<String> course, List<String> options) implements Action {
        @Override
        public Outcome run(ScenarioContext c) throws Refusal {
            HouseholdSession s = c.sessionFor(member, household);
            c.engine().waitingList().join(s, new BookingRequest(c.member(member).member().id(), c.slot(slot), phone,
                    acceptTerms, null, course.map(CourseId::of).orElse(null), optionIds(options)));
            return Outcome.done();
        }
    }

    record LeaveWaitingList(String member, Optional<String> household, String slot) implements Action {
        @Override
        public Outcome run(ScenarioContext c) throws Refusal {
            HouseholdSession s = c.sessionFor(member, household);
            c.engine().waitingList().leave(s, c.member(member).member().id(), c.slot(slot));
            return Outcome.done();
        }
    }

    /**
     * Accepts or declines the offer of the member's latest entry of the slot (WAIT-3), by the entry's id as the
     * offer mail gives it; a member without an entry of the slot answers {@code NOT_WAITING}.
     */
    record AnswerOffer(String member, Optional<String> household, String slot, boolean accept, Optional<String> as)
            implements Action {
        @Override
        public Outcome run(ScenarioContext c) throws Refusal {
            HouseholdSession s = c.sessionFor(member, household);
            List<WaitingEntry> entries = c.engine().waitingList().history(s, c.member(member).member().id());
            WaitingEntryId id = entries.stream().filter(e -> e.slot().equals(c.slot(slot))).map(WaitingEntry::id)
                    .findFirst().orElseThrow(() -> Refusal.of(ErrorCode.NOT_WAITING, "no entry of the slot"));
            if (accept) {
                as.ifPresent(n -> c.attempting(n, s.household().value()));
                Reservation r = c.engine().waitingList().accept(s, id);
                as.ifPresent(n -> c.bind(n, r));
            } else {
                c.engine().waitingList().decline(s, id);
            }
            return Outcome.done();
        }
    }

    /** The waiting-list job at the current clock (WAIT-2, WAIT-3). */
    record RunWaitingList() implements Action {
        @Override
        public Outcome run(ScenarioContext c) {
            c.engine().waitingList().expireAndOffer();
            return Outcome.done();
        }
    }

    /** The member's waiting entries, latest joined first, each {@code "SLOT STATE"} (WAIT-4). */
    record WaitingList(String member, Optional<String> household) implements Action {
        @Override
        public Outcome run(ScenarioContext c) throws Refusal {
            HouseholdSession s = c.sessionFor(member, household);
            ArrayNode v = JsonNodeFactory.instance.arrayNode();
            for (WaitingEntry e : c.engine().waitingList().history(s, c.member(member).member().id())) {
                v.add(c.slotKey(e.slot()) + " " + e.state());
            }
            return Outcome.value(v);
        }
    }
}
