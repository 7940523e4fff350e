package io.github.kenshinbooking.web;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.HouseholdSession;
import io.github.kenshinbooking.eligibility.OptionId;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.reservation.BookingConfirmation;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.HistoryFilter;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.ReservationId;
import io.github.kenshinbooking.reservation.ReservationStatus;
import io.github.kenshinbooking.schedule.CalendarDay;
import io.github.kenshinbooking.schedule.DeadlineKind;
import io.github.kenshinbooking.schedule.SlotAvailability;
import io.github.kenshinbooking.schedule.SlotId;
import io.github.kenshinbooking.schedule.Venue;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 利用者の選択, 受診日時を選択 (calendar by month or list, slot times), 予約登録 (入力, 確認, 完了),
 * 予約履歴, 予約詳細 and 予約キャンセル: I-Step 5 to 8, II-Step 2 to 3 and III of the manual.
 */
@Controller
class BookingController {
    private final Site site;
    private final Exams exams;

    BookingController(Site site, Exams exams) {
        this.site = requireNonNull(site, "site");
        this.exams = requireNonNull(exams, "exams");
    }

    @GetMapping("/members")
    String members(HouseholdAuthentication auth, Model model) {
        model.addAttribute("household", site.household(auth.session()));
        return "members";
    }

    @GetMapping("/calendar")
    String chosen(HouseholdAuthentication auth, @RequestParam(defaultValue = "") String member) {
        return "redirect:/m/" + site.member(auth.session(), member).id().value() + "/calendar";
    }

    /** A week of the month grid: seven cells, empty ones outside the month. */
    record Week(List<Optional<Cell>> days) {}

    /** A date of the month with its day, if it has slots. */
    record Cell(LocalDate date, Optional<CalendarDay> day) {}

    @GetMapping("/m/{memberId}/calendar")
    String calendar(HouseholdAuthentication auth, @PathVariable String memberId,
            @RequestParam(required = false) String month, @RequestParam(defaultValue = "") String venue,
            @RequestParam(defaultValue = "month") String view, @RequestParam(defaultValue = "") String change,
            Model model) throws Refusal {
        model.addAttribute("change", change.matches("\\d{1,18}") ? change : "");
        HouseholdSession session = auth.session();
        Member member = site.selected(model, session, memberId);
        YearMonth shown = month == null ? firstMonthWithSlots(session, member) : parseMonth(month);
        Optional<Venue> chosenVenue = venue.isBlank() ? Optional.empty() : Optional.of(Venue.parse(venue));
        List<CalendarDay> all = site.engine().calendar().month(session, member.id(), shown, Optional.empty());
        List<CalendarDay> days = chosenVenue.isEmpty() ? all
                : site.engine().calendar().month(session, member.id(), shown, chosenVenue);
        model.addAttribute("month", shown);
        model.addAttribute("venue", venue);
        model.addAttribute("venues", all.stream().flatMap(d -> d.slots().stream()).map(s -> s.slot().venue().name())
                .collect(Collectors.toCollection(TreeSet::new)));
        model.addAttribute("view", "list".equals(view) ? "list" : "month");
        if ("list".equals(view)) {
            model.addAttribute("slots", site.engine().calendar().list(session, member.id(), shown.atDay(1),
                    shown.plusMonths(1).atDay(1), chosenVenue));
        } else {
            model.addAttribute("weeks", weeks(shown, days));
        }
        return "calendar";
    }

    private YearMonth firstMonthWithSlots(HouseholdSession session, Member member) throws Refusal {
        LocalDate today = LocalDate.now(site.engine().clock());
        return site.engine().calendar().days(session, member.id(), today, today.plusYears(1), Optional.empty())
                .stream().findFirst().map(d -> YearMonth.from(d.date())).orElse(YearMonth.from(today));
    }

    private static YearMonth parseMonth(String month) throws Refusal {
        try {
            return YearMonth.parse(month);
        } catch (java.time.format.DateTimeParseException e) {
            throw Refusal.invalidInput(Refusal.FIELD_MONTH, "not a month");
        }
    }

    private static List<Week> weeks(YearMonth month, List<CalendarDay> days) {
        Map<LocalDate, CalendarDay> byDate = days.stream().collect(Collectors.toMap(CalendarDay::date, Function.identity()));
        List<Week> weeks = new ArrayList<>();
        LocalDate d = month.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        while (!d.isAfter(month.atEndOfMonth())) {
            List<Optional<Cell>> cells = new ArrayList<>();
            for (int i = 0; i < 7; i++, d = d.plusDays(1)) {
                cells.add(YearMonth.from(d).equals(month)
                        ? Optional.of(new Cell(d, Optional.ofNullable(byDate.get(d)))) : Optional.empty());
            }
            weeks.add(new Week(cells));
        }
        return weeks;
    }

    @GetMapping("/m/{memberId}/day/{date}")
    String day(HouseholdAuthentication auth, @PathVariable String memberId, @PathVariable String date,
            @RequestParam(defaultValue = "") String venue, @RequestParam(defaultValue = "") String change,
            Model model) throws Refusal {
        HouseholdSession session = auth.session();
        Member member = site.selected(model, session, memberId);
        model.addAttribute("change", change.matches("\\d{1,18}") ? change : "");
        LocalDate day = parseDate(date);
        Optional<Venue> chosenVenue = venue.isBlank() ? Optional.empty() : Optional.of(Venue.parse(venue));
        List<SlotAvailability> slots = site.engine().calendar().list(session, member.id(), day, day.plusDays(1),
                chosenVenue);
        model.addAttribute("date", day);
        model.addAttribute("byVenue", slots.stream().collect(Collectors.groupingBy(
                s -> s.slot().venue().name() + " (" + s.slot().institution() + ")",
                java.util.LinkedHashMap::new, Collectors.toList())));
        return "day";
    }

    private static LocalDate parseDate(String date) throws Refusal {
        try {
            return LocalDate.parse(date);
        } catch (java.time.format.DateTimeParseException e) {
            throw Refusal.invalidInput(Refusal.FIELD_DATE, "not a date");
        }
    }

    @GetMapping("/m/{memberId}/book")
    String input(HouseholdAuthentication auth, @PathVariable String memberId, @RequestParam long slot,
            @RequestParam(defaultValue = "") String course, @RequestParam(required = false) List<String> options,
            Model model) throws Refusal {
        return input(auth.session(), memberId, SlotId.of(slot), "", Exams.chosen(course, options), FormErrors.none(),
                false, model);
    }

    private String input(HouseholdSession session, String memberId, SlotId slot, String phone, Exams.Chosen chosen,
            FormErrors errors, boolean full, Model model) throws Refusal {
        Member member = site.selected(model, session, memberId);
        SlotAvailability availability = site.engine().calendar().availability(session, member.id(), slot);
        model.addAttribute("slot", availability);
        model.addAttribute("offer", exams.offer(availability));
        model.addAttribute("chosen", chosen);
        model.addAttribute("full", full); // SLOT_FULL or OPTION_FULL: the waiting list is offered instead (WAIT-1)
        model.addAttribute("changeDeadline", site.engine().calendar().deadline(slot, DeadlineKind.CHANGE));
        model.addAttribute("cancelDeadline", site.engine().calendar().deadline(slot, DeadlineKind.CANCEL));
        model.addAttribute("email", site.engine().emails().email(session).map(Object::toString).orElse("未登録"));
        model.addAttribute("phone", phone);
        model.addAttribute("errors", errors);
        return "book-input";
    }

    private String refusedInput(HouseholdSession session, String memberId, SlotId slot, String phone,
            Exams.Chosen chosen, Refusal refusal, Model model) throws Refusal {
        return input(session, memberId, slot, phone, chosen,
                site.errors(refusal, "phone", "acceptTerms", Refusal.FIELD_COURSE, Refusal.FIELD_OPTIONS),
                refusal.code() == ErrorCode.SLOT_FULL || refusal.code() == ErrorCode.OPTION_FULL, model);
    }

    @PostMapping("/m/{memberId}/book/confirm")
    String confirm(HouseholdAuthentication auth, @PathVariable String memberId, @RequestParam long slot,
            @RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "false") boolean acceptTerms,
            @RequestParam(defaultValue = "") String course, @RequestParam(required = false) List<String> options,
            Model model) throws Refusal {
        HouseholdSession session = auth.session();
        Member member = site.selected(model, session, memberId);
        Exams.Chosen chosen = Exams.chosen(course, options);
        BookingConfirmation confirmation;
        try {
            confirmation = site.engine().bookings().confirm(session,
                    chosen.apply(BookingRequest.of(member.id(), SlotId.of(slot), phone, acceptTerms)));
        } catch (Refusal refusal) {
            return refusedInput(session, memberId, SlotId.of(slot), phone, chosen, refusal, model);
        }
        model.addAttribute("confirmation", confirmation);
        model.addAttribute("chosen", chosen);
        model.addAttribute("offer", exams.offer(site.engine().calendar().availability(session, member.id(),
                SlotId.of(slot))));
        model.addAttribute("phone", phone);
        model.addAttribute("email", site.engine().emails().email(session).map(Object::toString).orElse("未登録"));
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return "book-confirm";
    }

    @PostMapping("/m/{memberId}/book")
    String book(HouseholdAuthentication auth, @PathVariable String memberId, @RequestParam long slot,
            @RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "false") boolean acceptTerms,
            @RequestParam(defaultValue = "") String idempotencyKey, @RequestParam(defaultValue = "") String course,
            @RequestParam(required = false) List<String> options, Model model) throws Refusal {
        HouseholdSession session = auth.session();
        Member member = site.member(session, memberId);
        Exams.Chosen chosen = Exams.chosen(course, options);
        Reservation r;
        try {
            BookingRequest request = chosen.apply(BookingRequest.of(member.id(), SlotId.of(slot), phone, acceptTerms));
            r = site.engine().bookings().book(session,
                    idempotencyKey.isBlank() ? request : request.withIdempotencyKey(idempotencyKey));
        } catch (Refusal refusal) {
            return refusedInput(session, memberId, SlotId.of(slot), phone, chosen, refusal, model);
        }
        return "redirect:/m/" + memberId + "/reservations/" + r.id().value() + "/booked";
    }

    @GetMapping("/m/{memberId}/reservations/{id}/change")
    String changeInput(HouseholdAuthentication auth, @PathVariable String memberId, @PathVariable long id,
            @RequestParam(required = false) Long slot, @RequestParam(required = false) String phone,
            @RequestParam(required = false) List<String> options, @RequestParam(defaultValue = "false") boolean testsShown,
            Model model) throws Refusal {
        return changeInput(auth.session(), memberId, id, slot, phone, testsShown ? Exams.chosen("", options) : null,
                FormErrors.none(), model);
    }

    /**
     * 予約変更's input: the new slot (or the reservation's own) and, where it offers tests, their checkboxes
     * (OPT-3: a change may add or drop tests), checked as the form had them or else as the reservation holds
     * them; the course stays.
     */
    private String changeInput(HouseholdSession session, String memberId, long id, Long slot, String phone,
            Exams.Chosen chosen, FormErrors errors, Model model) throws Refusal {
        Member member = site.selected(model, session, memberId);
        var details = site.engine().bookings().details(session, ReservationId.of(id));
        SlotAvailability newSlot = slot == null ? null
                : site.engine().calendar().availability(session, member.id(), SlotId.of(slot));
        SlotAvailability target = newSlot != null ? newSlot
                : site.engine().calendar().availability(session, member.id(), details.slot().id());
        Set<String> offered = target.options().stream().map(o -> o.option().value()).collect(Collectors.toSet());
        Exams.Chosen tests = chosen != null ? chosen : Exams.chosen("", details.reservation().choice().options().stream()
                .map(OptionId::value).filter(offered::contains).toList());
        model.addAttribute("details", details);
        model.addAttribute("newSlot", newSlot);
        model.addAttribute("offer", new Exams.Offer(List.of(), target.options()));
        model.addAttribute("chosen", tests);
        model.addAttribute("phone", phone == null ? details.reservation().phone().toString() : phone);
        model.addAttribute("email", site.engine().emails().email(session).map(Object::toString).orElse("未登録"));
        model.addAttribute("errors", errors);
        return "change-input";
    }

    @PostMapping("/m/{memberId}/reservations/{id}/change/confirm")
    String changeConfirm(HouseholdAuthentication auth, @PathVariable String memberId, @PathVariable long id,
            @RequestParam(required = false) Long slot, @RequestParam(defaultValue = "") String phone,
            @RequestParam(required = false) List<String> options, @RequestParam(defaultValue = "false") boolean testsShown,
            Model model) throws Refusal {
        HouseholdSession session = auth.session();
        Exams.Chosen chosen = testsShown ? Exams.chosen("", options) : null;
        if (slot == null) {
            return changeInput(session, memberId, id, null, phone, chosen,
                    site.errors(Refusal.onField(ErrorCode.INVALID_INPUT, Refusal.FIELD_SLOT, "no new slot chosen")),
                    model);
        }
        changeInput(session, memberId, id, slot, phone, chosen, FormErrors.none(), model);
        model.addAttribute("testsShown", testsShown);
        return "change-confirm";
    }

    @PostMapping("/m/{memberId}/reservations/{id}/change")
    String change(HouseholdAuthentication auth, @PathVariable String memberId, @PathVariable long id,
            @RequestParam long slot, @RequestParam(defaultValue = "") String phone,
            @RequestParam(required = false) List<String> options, @RequestParam(defaultValue = "false") boolean testsShown,
            Model model) throws Refusal {
        HouseholdSession session = auth.session();
        site.member(session, memberId);
        Exams.Chosen chosen = testsShown ? Exams.chosen("", options) : null;
        Reservation changed;
        try {
            // the tests as chosen where the slot offers them; none where it offers none but the reservation
            // holds some; else the reservation's own (null: the manual's change, no tests anywhere)
            Set<OptionId> tests = chosen != null ? chosen.optionIds()
                    : site.engine().bookings().details(session, ReservationId.of(id)).reservation().choice().options()
                            .isEmpty() ? null : Set.of();
            changed = site.engine().bookings().change(session, ReservationId.of(id), SlotId.of(slot), phone, tests);
        } catch (Refusal refusal) {
            return changeInput(session, memberId, id, slot, phone, chosen,
                    site.errors(refusal, "phone", Refusal.FIELD_OPTIONS), model);
        }
        return "redirect:/m/" + memberId + "/reservations/" + changed.id().value() + "/changed";
    }

    @GetMapping("/m/{memberId}/reservations/{id}/{page:booked|cancelled|changed}")
    String completed(HouseholdAuthentication auth, @PathVariable String memberId, @PathVariable long id,
            @PathVariable String page, Model model) throws Refusal {
        HouseholdSession session = auth.session();
        site.selected(model, session, memberId);
        model.addAttribute("details", site.engine().bookings().details(session, ReservationId.of(id)));
        return switch (page) {
            case "booked" -> "book-done";
            case "changed" -> "change-done";
            default -> "cancel-done";
        };
    }

    @GetMapping("/m/{memberId}/history")
    String history(HouseholdAuthentication auth, @PathVariable String memberId,
            @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
            @RequestParam(required = false) List<String> status, Model model) throws Refusal {
        HouseholdSession session = auth.session();
        Member member = site.selected(model, session, memberId);
        HistoryFilter filter = HistoryFilter.all();
        if (!from.isBlank() || !to.isBlank()) {
            filter = filter.between(from.isBlank() ? LocalDate.of(2000, 1, 1).atStartOfDay() : parseDate(from).atStartOfDay(),
                    to.isBlank() ? LocalDate.of(2999, 12, 31).atStartOfDay() : parseDate(to).plusDays(1).atStartOfDay()
                            .minusNanos(1));
        }
        if (status != null && status.size() == 1) {
            filter = filter.withStatus("CANCELLED".equals(status.get(0)) ? ReservationStatus.CANCELLED
                    : ReservationStatus.CONFIRMED);
        }
        model.addAttribute("entries", site.engine().bookings().history(session, member.id(), filter));
        model.addAttribute("waiting", WaitingListController.rows(site, session, member, List.of(member))); // WAIT-4
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("status", status == null ? List.of() : status);
        return "history";
    }

    @GetMapping("/m/{memberId}/reservations/{id}")
    String details(HouseholdAuthentication auth, @PathVariable String memberId, @PathVariable long id, Model model)
            throws Refusal {
        HouseholdSession session = auth.session();
        site.selected(model, session, memberId);
        model.addAttribute("details", site.engine().bookings().details(session, ReservationId.of(id)));
        model.addAttribute("email", site.engine().emails().email(session).map(Object::toString).orElse("未登録"));
        model.addAttribute("errors", FormErrors.none());
        return "reservation";
    }

    @GetMapping("/m/{memberId}/reservations/{id}/cancel")
    String cancelConfirm(HouseholdAuthentication auth, @PathVariable String memberId, @PathVariable long id,
            Model model) throws Refusal {
        HouseholdSession session = auth.session();
        site.selected(model, session, memberId);
        model.addAttribute("details", site.engine().bookings().details(session, ReservationId.of(id)));
        model.addAttribute("errors", FormErrors.none());
        return "cancel-confirm";
    }

    @PostMapping("/m/{memberId}/reservations/{id}/cancel")
    String cancel(HouseholdAuthentication auth, @PathVariable String memberId, @PathVariable long id, Model model)
            throws Refusal {
        HouseholdSession session = auth.session();
        try {
            site.engine().bookings().cancel(session, ReservationId.of(id));
        } catch (Refusal refusal) {
            site.selected(model, session, memberId);
            model.addAttribute("details", site.engine().bookings().details(session, ReservationId.of(id)));
            model.addAttribute("errors", site.errors(refusal));
            return "cancel-confirm";
        }
        return "redirect:/m/" + memberId + "/reservations/" + id + "/cancelled";
    }
}
