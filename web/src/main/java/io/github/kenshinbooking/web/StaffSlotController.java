package io.github.kenshinbooking.web;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotEdit;
import io.github.kenshinbooking.schedule.SlotId;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.Venue;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * 予約枠 (STAFF-3): the slots of a day with capacity, booked and remaining; add, edit, change capacity,
 * close and reopen; 開催中止 (SLOT-6) with a preview of the reservations it cancels. Every change has a
 * reason (STAFF-4).
 */
@Controller
class StaffSlotController implements StaffPages {
    /** A live reservation as the event-day preview and the slot page list it. */
    record Affected(Reservation reservation, Slot slot, String memberName) {}

    private final StaffConsole console;

    StaffSlotController(StaffConsole console) {
        this.console = requireNonNull(console, "console");
    }

    @GetMapping("/staff/slots")
    String day(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String venue, Model model) {
        LocalDate d = date != null ? date : LocalDate.now(console.engine().clock().withZone(console.engine().policy().zone()));
        Optional<Venue> v = venue == null || venue.isBlank() ? Optional.empty() : Optional.of(Venue.of(venue.strip()));
        List<StaffConsole.SlotLine> slots = console.slotsOn(d, v);
        model.addAttribute("date", d);
        model.addAttribute("venue", v.map(Venue::name).orElse(""));
        model.addAttribute("slots", slots);
        model.addAttribute("venues", slots.stream().map(l -> l.slot().venue().name()).distinct().toList());
        return "staff/slots";
    }

    @GetMapping("/staff/slots/new")
    String newForm(Model model) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("duration", "30");
        typed.put("capacity", "10");
        return addPage(model, typed, FormErrors.none());
    }

    @PostMapping("/staff/slots")
    String add(@RequestParam Map<String, String> form, StaffAuthentication staff, Model model,
            RedirectAttributes redirect) {
        Map<String, String> typed = new LinkedHashMap<>(form);
        typed.remove("_csrf");
        SlotSpec spec;
        try {
            spec = new SlotSpec(Venue.parse(form.getOrDefault("venue", "")), text(form, "institution"),
                    LocalDate.parse(text(form, "date")), LocalTime.parse(text(form, "start")),
                    Duration.ofMinutes(Integer.parseInt(text(form, "duration"))), Integer.parseInt(text(form, "capacity")),
                    opens(text(form, "receptionOpens")));
        } catch (Refusal refusal) {
            return addPage(model, typed, console.errors(refusal, "venue"));
        } catch (RuntimeException unreadable) {
            return addPage(model, typed, FormErrors.page("入力内容に誤りがあります。日付・時刻・数値の形式をご確認ください。"));
        }
        Slot slot;
        try {
            slot = console.engine().staff().addSlot(staff.staffId(), form.getOrDefault("reason", ""), spec);
        } catch (Refusal refusal) {
            return addPage(model, typed, console.errors(refusal, "venue", "institution", "date", "start", "duration",
                    "capacity", "receptionOpens", "reason"));
        }
        redirect.addFlashAttribute("notice", "予約枠を追加しました。");
        return "redirect:/staff/slots/" + slot.id().value();
    }

    @GetMapping("/staff/slots/{id}")
    String slot(@PathVariable long id, Model model) {
        return slotPage(model, find(id), Map.of(), FormErrors.none());
    }

    @PostMapping("/staff/slots/{id}/capacity")
    String capacity(@PathVariable long id, @RequestParam(defaultValue = "") String capacity,
            @RequestParam(defaultValue = "") String reason, StaffAuthentication staff, Model model,
            RedirectAttributes redirect) {
        Slot s = find(id);
        Map<String, String> reasons = Map.of("reason-capacity", reason);
        int n;
        try {
            n = Integer.parseInt(capacity.strip());
        } catch (NumberFormatException notANumber) {
            return slotPage(model, s, reasons, FormErrors.field("capacity", "定員を数字で入力してください"));
        }
        try {
            console.engine().staff().changeCapacity(staff.staffId(), reason, s.id(), n);
        } catch (Refusal refusal) {
            return slotPage(model, s, reasons, console.errors(refusal, "capacity", "reason")
                    .renamed("reason", "reason-capacity"));
        }
        redirect.addFlashAttribute("notice", "定員を " + n + " 名に変更しました。");
        return "redirect:/staff/slots/" + id;
    }

    @PostMapping("/staff/slots/{id}/close")
    String close(@PathVariable long id, @RequestParam(defaultValue = "") String reason, StaffAuthentication staff,
            Model model, RedirectAttributes redirect) {
        Slot s = find(id);
        try {
            if (s.closed()) {
                console.engine().staff().reopenSlot(staff.staffId(), reason, s.id());
            } else {
                console.engine().staff().closeSlot(staff.staffId(), reason, s.id());
            }
        } catch (Refusal refusal) {
            return slotPage(model, s, Map.of("reason-close", reason), console.errors(refusal, "reason")
                    .renamed("reason", "reason-close"));
        }
        redirect.addFlashAttribute("notice", s.closed() ? "予約の受付を再開しました。" : "予約の受付を停止しました。");
        return "redirect:/staff/slots/" + id;
    }

    @PostMapping("/staff/slots/{id}/edit")
    String edit(@PathVariable long id, @RequestParam Map<String, String> form, StaffAuthentication staff, Model model,
            RedirectAttributes redirect) {
        Slot s = find(id);
        Map<String, String> reasons = Map.of("reason-edit", form.getOrDefault("reason", ""));
        SlotEdit edit;
        try {
            edit = new SlotEdit(LocalTime.parse(text(form, "start")),
                    Duration.ofMinutes(Integer.parseInt(text(form, "duration"))), opens(text(form, "receptionOpens")));
        } catch (RuntimeException unreadable) {
            return slotPage(model, s, reasons, FormErrors.page("入力内容に誤りがあります。時刻・数値の形式をご確認ください。"));
        }
        try {
            console.engine().staff().editSlot(staff.staffId(), form.getOrDefault("reason", ""), s.id(), edit);
        } catch (Refusal refusal) {
            return slotPage(model, s, reasons, console.errors(refusal, "reason").renamed("reason", "reason-edit"));
        }
        redirect.addFlashAttribute("notice", "予約枠を変更しました。");
        return "redirect:/staff/slots/" + id;
    }

    @GetMapping("/staff/slots/cancel-day")
    String cancelDayPreview(@RequestParam String venue,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
        return cancelDayPage(model, venue, date, "", FormErrors.none());
    }

    @PostMapping("/staff/slots/cancel-day")
    String cancelDay(@RequestParam String venue, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(defaultValue = "") String reason, StaffAuthentication staff, Model model,
            RedirectAttributes redirect) {
        List<Reservation> cancelled;
        try {
            cancelled = console.engine().staff().cancelEventDay(staff.staffId(), reason, Venue.of(venue), date);
        } catch (Refusal refusal) {
            return cancelDayPage(model, venue, date, reason, console.errors(refusal, "reason"));
        }
        redirect.addFlashAttribute("notice", venue + " " + date + " を開催中止にしました(キャンセルした予約 "
                + cancelled.size() + " 件、各世帯にメールでお知らせします)。");
        return "redirect:/staff/slots?date=" + date + "&venue=" + java.net.URLEncoder.encode(venue,
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private String cancelDayPage(Model model, String venue, LocalDate date, String reason, FormErrors errors) {
        List<StaffConsole.SlotLine> slots = console.slotsOn(date, Optional.of(Venue.of(venue)));
        if (slots.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        List<Affected> affected = new ArrayList<>();
        for (StaffConsole.SlotLine l : slots) {
            affected.addAll(affected(l.slot()));
        }
        model.addAttribute("venue", venue);
        model.addAttribute("date", date);
        model.addAttribute("slots", slots);
        model.addAttribute("affected", affected);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        return "staff/cancel-day";
    }

    private String addPage(Model model, Map<String, String> typed, FormErrors errors) {
        model.addAttribute("typed", typed);
        model.addAttribute("reason", typed.getOrDefault("reason", ""));
        model.addAttribute("errors", errors);
        return "staff/slot-new";
    }

    private String slotPage(Model model, Slot s, Map<String, String> reasons, FormErrors errors) {
        Map<String, String> all = new LinkedHashMap<>(Map.of("reason-capacity", "", "reason-close", "", "reason-edit", ""));
        all.putAll(reasons);
        model.addAttribute("line", console.line(s));
        model.addAttribute("affected", affected(s));
        model.addAttribute("reasons", all);
        model.addAttribute("opens", LocalDateTime.ofInstant(s.receptionOpens(), console.engine().policy().zone())
                .toString());
        model.addAttribute("errors", errors);
        return "staff/slot";
    }

    private List<Affected> affected(Slot s) {
        List<Affected> out = new ArrayList<>();
        for (Reservation r : console.engine().storage().reservations().findLiveBySlot(s.id())) {
            String name = console.engine().directory().find(r.household()).flatMap((Household h) -> h.member(r.member()))
                    .map(Member::name).orElse(r.member().value());
            out.add(new Affected(r, s, name));
        }
        return out;
    }

    private Slot find(long id) {
        if (id <= 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return console.engine().storage().slots().find(SlotId.of(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private java.time.Instant opens(String typed) {
        return LocalDateTime.parse(typed).atZone(console.engine().policy().zone()).toInstant();
    }

    private static String text(Map<String, String> form, String name) {
        String v = form.get(name);
        if (v == null) {
            throw new DateTimeParseException("missing " + name, "", 0);
        }
        return v.strip();
    }
}
