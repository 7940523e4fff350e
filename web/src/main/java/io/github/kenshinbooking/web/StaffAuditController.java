package io.github.kenshinbooking.web;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.audit.AuditAction;
import io.github.kenshinbooking.audit.AuditActor;
import io.github.kenshinbooking.audit.AuditChannel;
import io.github.kenshinbooking.audit.AuditEntry;
import io.github.kenshinbooking.audit.AuditQuery;
import io.github.kenshinbooking.audit.AuditRecord;
import io.github.kenshinbooking.audit.AuditTarget;
import io.github.kenshinbooking.csv.AuditCsv;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.notification.OutboxEntry;
import io.github.kenshinbooking.reservation.StaffId;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 監査ログ (AUDIT-2): the trail of a period, filtered by staff member or household, on the page and as CSV;
 * and the mails the relay could not deliver yet (未送信メール), which staff can have sent again now.
 */
@Controller
class StaffAuditController implements StaffPages {
    /** The most records a page shows; the next page continues after its last; the CSV has them all. */
    static final int PAGE = 200;

    private final StaffConsole console;

    StaffAuditController(StaffConsole console) {
        this.console = requireNonNull(console, "console");
    }

    @GetMapping("/staff/audit")
    String audit(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "") String staffId, @RequestParam(defaultValue = "") String household,
            @RequestParam(required = false) Instant afterAt, @RequestParam(required = false) Long afterSeq,
            Model model) {
        LocalDate today = LocalDate.now(console.engine().clock().withZone(zone()));
        LocalDate f = from != null ? from : today.minusDays(7);
        LocalDate t = to != null ? to : today;
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("staffId", staffId);
        model.addAttribute("household", household);
        model.addAttribute("errors", FormErrors.none());
        model.addAttribute("entries", List.of());
        model.addAttribute("pageSize", PAGE);
        try {
            Optional<AuditEntry> after = afterAt == null || afterSeq == null ? Optional.empty()
                    : Optional.of(position(afterAt, afterSeq));
            List<AuditEntry> entries = console.engine().storage().audit().read(query(f, t, staffId, household),
                    after, PAGE);
            model.addAttribute("entries", entries);
            model.addAttribute("continued", after.isPresent());
            if (entries.size() == PAGE) {
                // keyset paging: the next page starts after this page's last record in (time, sequence) order
                AuditEntry last = entries.get(entries.size() - 1);
                model.addAttribute("next", UriComponentsBuilder.fromPath("/staff/audit").queryParam("from", f)
                        .queryParam("to", t).queryParam("staffId", staffId).queryParam("household", household)
                        .queryParam("afterAt", last.record().at()).queryParam("afterSeq", last.sequence())
                        .encode().build().toUriString());
            }
        } catch (Refusal refusal) {
            model.addAttribute("errors", console.errors(refusal, "to", Refusal.FIELD_STAFF, Refusal.FIELD_SYMBOL_NUMBER)
                    .renamed(Refusal.FIELD_STAFF, "staffId").renamed(Refusal.FIELD_SYMBOL_NUMBER, "household"));
        }
        return "staff/audit";
    }

    @GetMapping("/staff/audit.csv")
    void auditCsv(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "") String staffId, @RequestParam(defaultValue = "") String household,
            HttpServletResponse response) throws IOException, Refusal {
        AuditQuery query = query(from, to, staffId, household);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("audit-" + from + "-" + to + ".csv", StandardCharsets.UTF_8).build().toString());
        AuditCsv.export(console.engine().storage().audit(), query, zone(), response.getOutputStream());
    }

    @GetMapping("/staff/outbox")
    String outbox(Model model) {
        return outboxPage(model, "", FormErrors.none());
    }

    @PostMapping("/staff/outbox/retry")
    String retry(@RequestParam long id, @RequestParam(defaultValue = "") String reason, StaffAuthentication staff,
            Model model, RedirectAttributes redirect) {
        try {
            console.engine().staff().retryNotification(staff.staffId(), reason, id);
        } catch (Refusal refusal) {
            return outboxPage(model, reason, console.errors(refusal, "reason"));
        }
        redirect.addFlashAttribute("notice", "メール " + id + " をすぐに再送します。");
        return "redirect:/staff/outbox";
    }

    private String outboxPage(Model model, String reason, FormErrors errors) {
        List<OutboxEntry> failed = console.engine().storage().outbox().pending().stream()
                .filter(e -> e.attempts() > 0 || e.lastError().isPresent()).toList();
        model.addAttribute("entries", failed);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        return "staff/outbox";
    }

    /**
     * The period (whole days in the union's zone, {@code to} included) and one actor: the staff member, or
     * the household; both given, the staff member's actions on that household's account (a lock lifted).
     */
    private AuditQuery query(LocalDate from, LocalDate to, String staffId, String household) throws Refusal {
        if (to.isBefore(from)) {
            throw Refusal.invalidInput(Refusal.FIELD_TO, "before from");
        }
        AuditQuery q = AuditQuery.period(from.atStartOfDay(zone()).toInstant(),
                to.plusDays(1).atStartOfDay(zone()).toInstant());
        Optional<SymbolNumber> h = household.isBlank() ? Optional.empty()
                : Optional.of(SymbolNumber.parse(household.strip(), Refusal.FIELD_SYMBOL_NUMBER));
        if (!staffId.isBlank()) {
            q = q.byActor(AuditActor.staff(StaffId.parse(staffId.strip())));
            if (h.isPresent()) {
                q = q.byTarget(AuditTarget.household(h.get()));
            }
        } else if (h.isPresent()) {
            q = q.byActor(AuditActor.household(h.get()));
        }
        return q;
    }

    /** Where a page ends: only the time and sequence of an entry count for {@code isAfter}. */
    private static AuditEntry position(Instant at, long sequence) {
        return new AuditEntry(sequence, AuditRecord.of(at, AuditActor.job("page"), AuditChannel.STAFF,
                AuditAction.LOGIN_ATTEMPT, AuditTarget.dataImport("page"), "", ""));
    }

    private ZoneId zone() {
        return console.engine().policy().zone();
    }
}
