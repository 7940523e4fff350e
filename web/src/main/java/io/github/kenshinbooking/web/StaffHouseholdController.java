package io.github.kenshinbooking.web;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.ReceptionClosing;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.ReservationId;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotId;
import io.github.kenshinbooking.storage.HouseholdRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 世帯検索 (by symbol number, member number or kana), a household with its members and reservations, ロック解除 (STAFF-1), and booking, changing and
 * cancelling on a member's behalf (電話予約, STAFF-2), each with the reason STAFF-4 wants.
 */
@Controller
class StaffHouseholdController implements StaffPages {
    /** A reservation with its slot, as the household page lists it. */
    record ReservationLine(Reservation reservation, Slot slot, String memberName) {}

    /** The most households a kana search lists. */
    static final int KANA_RESULTS = 50;

    private final StaffConsole console;

    StaffHouseholdController(StaffConsole console) {
        this.console = requireNonNull(console, "console");
    }

    @GetMapping("/staff/households")
    String search(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("errors", FormErrors.none());
        if (q == null || q.isBlank()) {
            return "staff/households";
        }
        String typed = q.strip();
        if (!typed.matches("[0-9０-９-－]+")) {
            return byKana(typed, model);
        }
        Optional<Household> found = Optional.empty();
        try {
            found = typed.contains("-")
                    ? console.engine().directory().findByMember(MemberId.parse(typed))
                    : console.engine().directory().find(SymbolNumber.parse(typed, Refusal.FIELD_SYMBOL_NUMBER));
        } catch (Refusal bad) {
            model.addAttribute("errors", FormErrors.field("q", console.message(bad)));
            return "staff/households";
        }
        if (found.isEmpty()) {
            model.addAttribute("errors", FormErrors.field("q", "該当する世帯が見つかりません。"));
            return "staff/households";
        }
        return "redirect:/staff/households/" + found.get().symbolNumber().value();
    }

    /** 世帯検索 by the beginning of a member's kana name: the list, or the household when there is one. */
    private String byKana(String typed, Model model) {
        if (!(console.engine().directory() instanceof HouseholdRegistry registry)) {
            model.addAttribute("errors", FormErrors.field("q", "この構成ではフリガナで検索できません。記号番号で検索してください。"));
            return "staff/households";
        }
        List<Household> found;
        try {
            found = registry.findByKana(typed, KANA_RESULTS);
        } catch (IllegalArgumentException blank) {
            found = List.of();
        }
        if (found.isEmpty()) {
            model.addAttribute("errors", FormErrors.field("q", "該当する世帯が見つかりません。"));
            return "staff/households";
        }
        if (found.size() == 1) {
            return "redirect:/staff/households/" + found.get(0).symbolNumber().value();
        }
        model.addAttribute("results", found);
        model.addAttribute("more", found.size() == KANA_RESULTS);
        return "staff/households";
    }

    @GetMapping("/staff/households/{symbol}")
    String household(@PathVariable String symbol, Model model) {
        Household h = household(symbol);
        model.addAttribute("household", h);
        model.addAttribute("reservations", reservations(h));
        model.addAttribute("errors", FormErrors.none());
        model.addAttribute("reason", "");
        return "staff/household";
    }

    @PostMapping("/staff/households/{symbol}/unlock")
    String unlock(@PathVariable String symbol, @RequestParam(defaultValue = "") String reason, StaffAuthentication staff,
            Model model, RedirectAttributes redirect) {
        Household h = household(symbol);
        boolean wasLocked;
        try {
            wasLocked = console.engine().staff().unlock(staff.staffId(), reason, h.symbolNumber().value());
        } catch (Refusal refusal) {
            model.addAttribute("household", h);
            model.addAttribute("reservations", reservations(h));
            model.addAttribute("errors", console.errors(refusal, "reason"));
            model.addAttribute("reason", reason);
            return "staff/household";
        }
        redirect.addFlashAttribute("notice", wasLocked ? "ロックを解除しました。" : "ロックはかかっていませんでした(記録しました)。");
        return "redirect:/staff/households/" + h.symbolNumber().value();
    }

    @GetMapping("/staff/households/{symbol}/book")
    String bookForm(@PathVariable String symbol, @RequestParam String member,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
        Household h = household(symbol);
        Member m = member(h, member);
        bookPage(model, h, m, date, Map.of("idempotencyKey", UUID.randomUUID().toString()), FormErrors.none());
        return "staff/book";
    }

    @PostMapping("/staff/households/{symbol}/book")
    String book(@PathVariable String symbol, @RequestParam String member,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) Long slot, @RequestParam(defaultValue = "") String phone,
            @RequestParam(defaultValue = "false") boolean acceptTerms,
            @RequestParam(defaultValue = "false") boolean override, @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String idempotencyKey, StaffAuthentication staff, Model model,
            RedirectAttributes redirect) {
        Household h = household(symbol);
        Member m = member(h, member);
        Map<String, String> typed = Map.of("phone", phone, "reason", reason, "idempotencyKey", idempotencyKey,
                "slot", slot == null ? "" : slot.toString(), "acceptTerms", Boolean.toString(acceptTerms),
                "override", Boolean.toString(override));
        if (slot == null) {
            bookPage(model, h, m, date, typed, FormErrors.field("slot", "予約枠を選択してください"));
            return "staff/book";
        }
        Reservation r;
        try {
            BookingRequest request = BookingRequest.of(m.id(), SlotId.of(slot), phone, acceptTerms);
            if (!idempotencyKey.isBlank()) {
                request = request.withIdempotencyKey(idempotencyKey);
            }
            r = console.engine().staff().book(staff.staffId(), reason, request,
                    override ? ReceptionClosing.OVERRIDDEN : ReceptionClosing.ENFORCED);
        } catch (Refusal refusal) {
            bookPage(model, h, m, date, typed, console.errors(refusal, "slot", "phone", "acceptTerms", "reason"));
            return "staff/book";
        }
        redirect.addFlashAttribute("notice", m.name() + " さんの予約を受け付けました(予約ID: " + r.id().value() + ")。");
        return "redirect:/staff/households/" + h.symbolNumber().value();
    }

    @GetMapping("/staff/reservations/{id}/cancel")
    String cancelForm(@PathVariable long id, Model model) {
        reservationPage(model, id, "", FormErrors.none());
        return "staff/cancel";
    }

    @PostMapping("/staff/reservations/{id}/cancel")
    String cancel(@PathVariable long id, @RequestParam(defaultValue = "") String reason, StaffAuthentication staff,
            Model model, RedirectAttributes redirect) {
        Reservation r = reservation(id);
        try {
            console.engine().staff().cancel(staff.staffId(), reason, r.id());
        } catch (Refusal refusal) {
            reservationPage(model, id, reason, console.errors(refusal, "reason"));
            return "staff/cancel";
        }
        redirect.addFlashAttribute("notice", "予約ID " + id + " をキャンセルしました。");
        return "redirect:/staff/households/" + r.household().value();
    }

    @GetMapping("/staff/reservations/{id}/change")
    String changeForm(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
        changePage(model, id, date, Map.of(), FormErrors.none());
        return "staff/change";
    }

    @PostMapping("/staff/reservations/{id}/change")
    String change(@PathVariable long id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) Long slot, @RequestParam(defaultValue = "") String phone,
            @RequestParam(defaultValue = "false") boolean override, @RequestParam(defaultValue = "") String reason,
            StaffAuthentication staff, Model model, RedirectAttributes redirect) {
        Reservation r = reservation(id);
        Map<String, String> typed = Map.of("phone", phone, "reason", reason, "slot", slot == null ? "" : slot.toString(),
                "override", Boolean.toString(override));
        if (slot == null) {
            changePage(model, id, date, typed, FormErrors.field("slot", "予約枠を選択してください"));
            return "staff/change";
        }
        try {
            console.engine().staff().change(staff.staffId(), reason, r.id(), SlotId.of(slot),
                    phone.isBlank() ? null : phone, override ? ReceptionClosing.OVERRIDDEN : ReceptionClosing.ENFORCED);
        } catch (Refusal refusal) {
            changePage(model, id, date, typed, console.errors(refusal, "slot", "phone", "reason"));
            return "staff/change";
        }
        redirect.addFlashAttribute("notice", "予約ID " + id + " を変更しました。");
        return "redirect:/staff/households/" + r.household().value();
    }

    private void bookPage(Model model, Household h, Member m, LocalDate date, Map<String, String> typed,
            FormErrors errors) {
        model.addAttribute("household", h);
        model.addAttribute("member", m);
        model.addAttribute("date", date);
        model.addAttribute("slots", date == null ? List.of() : console.slotsOn(date, Optional.empty()));
        model.addAttribute("typed", typed);
        model.addAttribute("reason", typed.getOrDefault("reason", ""));
        model.addAttribute("errors", errors);
    }

    private void reservationPage(Model model, long id, String reason, FormErrors errors) {
        Reservation r = reservation(id);
        Household h = household(r.household().value());
        model.addAttribute("household", h);
        model.addAttribute("member", h.member(r.member()).orElse(null));
        model.addAttribute("line", new ReservationLine(r, slot(r.slot()), h.member(r.member()).map(Member::name)
                .orElse(r.member().value())));
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
    }

    private void changePage(Model model, long id, LocalDate date, Map<String, String> typed, FormErrors errors) {
        reservationPage(model, id, typed.getOrDefault("reason", ""), errors);
        model.addAttribute("date", date);
        model.addAttribute("slots", date == null ? List.of() : console.slotsOn(date, Optional.empty()));
        model.addAttribute("typed", typed);
    }

    private List<ReservationLine> reservations(Household h) {
        List<ReservationLine> lines = new ArrayList<>();
        for (Member m : h.members()) {
            for (Reservation r : console.engine().storage().reservations().findByMember(m.id())) {
                lines.add(new ReservationLine(r, slot(r.slot()), m.name()));
            }
        }
        lines.sort(Comparator.comparing((ReservationLine l) -> l.slot().startDateTime()).reversed());
        return lines;
    }

    private Slot slot(SlotId id) {
        return console.engine().storage().slots().find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Reservation reservation(long id) {
        if (id <= 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return console.engine().storage().reservations().find(ReservationId.of(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Household household(String symbol) {
        try {
            return console.engine().directory().find(SymbolNumber.parse(symbol, Refusal.FIELD_SYMBOL_NUMBER))
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        } catch (Refusal bad) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static Member member(Household h, String member) {
        try {
            return h.member(MemberId.parse(member)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        } catch (Refusal bad) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
