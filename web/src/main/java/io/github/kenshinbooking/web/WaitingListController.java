package io.github.kenshinbooking.web;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.HouseholdSession;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.WaitingEntry;
import io.github.kenshinbooking.reservation.WaitingEntryId;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotAvailability;
import io.github.kenshinbooking.schedule.SlotId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * キャンセル待ち (WAIT-1..WAIT-4, beyond the manual): joining a full slot's list from a confirm form as for a
 * booking, the household's entries with their states, and the member's answers: accept an offered place (the
 * usual completion page with the 予約ID), decline it, or leave a list.
 */
@Controller
class WaitingListController {
    private final Site site;
    private final Exams exams;

    WaitingListController(Site site, Exams exams) {
        this.site = requireNonNull(site, "site");
        this.exams = requireNonNull(exams, "exams");
    }

    /** An entry with its slot and member's name, as the list shows it. */
    record Row(WaitingEntry entry, Slot slot, String memberName) {}

    /** The waiting entries of these members, latest first, with their slots (WAIT-4). */
    static List<Row> rows(Site site, HouseholdSession session, Member selected, List<Member> members) throws Refusal {
        List<Row> rows = new ArrayList<>();
        Map<SlotId, Slot> slots = new HashMap<>();
        for (Member m : members) {
            for (WaitingEntry e : site.engine().waitingList().history(session, m.id())) {
                Slot s = slots.get(e.slot());
                if (s == null) {
                    s = site.engine().calendar().availability(session, selected.id(), e.slot()).slot();
                    slots.put(e.slot(), s);
                }
                rows.add(new Row(e, s, m.name()));
            }
        }
        rows.sort((a, b) -> Long.compare(b.entry().id().value(), a.entry().id().value()));
        return rows;
    }

    @GetMapping("/m/{memberId}/waiting/join")
    String joinInput(HouseholdAuthentication auth, @PathVariable String memberId, @RequestParam long slot,
            @RequestParam(defaultValue = "") String course, @RequestParam(required = false) List<String> options,
            Model model) throws Refusal {
        return joinInput(auth.session(), memberId, SlotId.of(slot), "", Exams.chosen(course, options),
                FormErrors.none(), model);
    }

    private String joinInput(HouseholdSession session, String memberId, SlotId slot, String phone,
            Exams.Chosen chosen, FormErrors errors, Model model) throws Refusal {
        Member member = site.selected(model, session, memberId);
        SlotAvailability availability = site.engine().calendar().availability(session, member.id(), slot);
        model.addAttribute("slot", availability);
        model.addAttribute("offer", exams.offer(availability));
        model.addAttribute("chosen", chosen);
        model.addAttribute("email", site.engine().emails().email(session).map(Object::toString).orElse("未登録"));
        model.addAttribute("phone", phone);
        model.addAttribute("errors", errors);
        return "waiting-join";
    }

    @PostMapping("/m/{memberId}/waiting/join")
    String join(HouseholdAuthentication auth, @PathVariable String memberId, @RequestParam long slot,
            @RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "false") boolean acceptTerms,
            @RequestParam(defaultValue = "") String course, @RequestParam(required = false) List<String> options,
            Model model) throws Refusal {
        HouseholdSession session = auth.session();
        Member member = site.member(session, memberId);
        Exams.Chosen chosen = Exams.chosen(course, options);
        WaitingEntry entry;
        try {
            // the course and tests go with the request: the entry keeps them for the booking an offer makes
            entry = site.engine().waitingList().join(session,
                    chosen.apply(BookingRequest.of(member.id(), SlotId.of(slot), phone, acceptTerms)));
        } catch (Refusal refusal) {
            return joinInput(session, memberId, SlotId.of(slot), phone, chosen,
                    site.errors(refusal, "phone", "acceptTerms", Refusal.FIELD_COURSE, Refusal.FIELD_OPTIONS), model);
        }
        return "redirect:/m/" + memberId + "/waiting?joined=" + entry.id().value();
    }

    @GetMapping("/m/{memberId}/waiting")
    String list(HouseholdAuthentication auth, @PathVariable String memberId,
            @RequestParam(required = false) Long joined, @RequestParam(defaultValue = "") String done, Model model)
            throws Refusal {
        return list(auth.session(), memberId, joined == null ? "" : "キャンセル待ちに登録しました（受付番号 " + joined + "）。",
                "declined".equals(done) ? "ご案内を辞退しました。" : "left".equals(done) ? "キャンセル待ちの登録を取り消しました。" : "",
                FormErrors.none(), model);
    }

    private String list(HouseholdSession session, String memberId, String joinedNotice, String doneNotice,
            FormErrors errors, Model model) throws Refusal {
        Member selected = site.selected(model, session, memberId);
        Household household = (Household) model.getAttribute("household");
        List<Row> rows = rows(site, session, selected, household.members());
        model.addAttribute("rows", rows);
        model.addAttribute("now", site.engine().clock().instant());
        model.addAttribute("notice", joinedNotice.isEmpty() ? doneNotice : joinedNotice);
        model.addAttribute("errors", errors);
        return "waiting";
    }

    @PostMapping("/m/{memberId}/waiting/{entry}/accept")
    String accept(HouseholdAuthentication auth, @PathVariable String memberId, @PathVariable long entry, Model model)
            throws Refusal {
        HouseholdSession session = auth.session();
        site.member(session, memberId);
        Reservation r;
        try {
            r = site.engine().waitingList().accept(session, WaitingEntryId.of(entry));
        } catch (Refusal refusal) {
            return list(session, memberId, "", "", site.errors(refusal), model);
        }
        return "redirect:/m/" + memberId + "/reservations/" + r.id().value() + "/booked";
    }

    @PostMapping("/m/{memberId}/waiting/{entry}/decline")
    String decline(HouseholdAuthentication auth, @PathVariable String memberId, @PathVariable long entry, Model model)
            throws Refusal {
        HouseholdSession session = auth.session();
        site.member(session, memberId);
        try {
            site.engine().waitingList().decline(session, WaitingEntryId.of(entry));
        } catch (Refusal refusal) {
            return list(session, memberId, "", "", site.errors(refusal), model);
        }
        return "redirect:/m/" + memberId + "/waiting?done=declined";
    }

    @PostMapping("/m/{memberId}/waiting/leave")
    String leave(HouseholdAuthentication auth, @PathVariable String memberId, @RequestParam String member,
            @RequestParam long slot, Model model) throws Refusal {
        HouseholdSession session = auth.session();
        site.member(session, memberId);
        MemberId waiting = site.member(session, member).id(); // of this household, else 404
        try {
            site.engine().waitingList().leave(session, waiting, SlotId.of(slot));
        } catch (Refusal refusal) {
            return list(session, memberId, "", "", site.errors(refusal), model);
        }
        return "redirect:/m/" + memberId + "/waiting?done=left";
    }
}
