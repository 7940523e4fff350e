package io.github.kenshinbooking.web;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.csv.CsvEncoding;
import io.github.kenshinbooking.csv.CsvEncodingException;
import io.github.kenshinbooking.csv.CsvImport;
import io.github.kenshinbooking.csv.RosterCsv;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.LineError;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.exchange.ImportReport;
import io.github.kenshinbooking.exchange.ImportRun;
import io.github.kenshinbooking.exchange.RosterQuery;
import io.github.kenshinbooking.schedule.Venue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * 取込 (DATA-2 slots, DATA-3 members) with a dry run (試行) that lists every bad field with its line before
 * anything is written, then the import itself; 受診者名簿 (DATA-1) as a CSV download.
 */
@Controller
class StaffExchangeController implements StaffPages {
    /** The two imports, by their path segment. */
    private static final Map<String, String> KINDS = Map.of("slots", "予約枠", "members", "組合員(資格者名簿)");

    /** A bad field of the file as the page lists it. */
    record LineLine(long line, String field, String message) {}

    private final StaffConsole console;

    StaffExchangeController(StaffConsole console) {
        this.console = requireNonNull(console, "console");
    }

    @GetMapping("/staff/imports")
    String imports(Model model) {
        model.addAttribute("errors", FormErrors.none());
        model.addAttribute("reasons", new LinkedHashMap<>(Map.of("reason-slots", "", "reason-members", "")));
        return "staff/imports";
    }

    @PostMapping("/staff/imports/{kind}")
    String importFile(@PathVariable String kind, @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "dry") String mode,
            StaffAuthentication staff, Model model) throws IOException {
        if (!KINDS.containsKey(kind)) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        Map<String, String> reasons = new LinkedHashMap<>(Map.of("reason-slots", "", "reason-members", ""));
        reasons.put("reason-" + kind, reason);
        model.addAttribute("reasons", reasons);
        model.addAttribute("kind", kind);
        model.addAttribute("kindName", KINDS.get(kind));
        model.addAttribute("dryRun", !"apply".equals(mode));
        model.addAttribute("errors", FormErrors.none());
        if (file == null || file.isEmpty()) {
            model.addAttribute("errors", FormErrors.field("file-" + kind, "取込ファイルを選択してください"));
            return "staff/imports";
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        ImportRun run = "apply".equals(mode) ? ImportRun.apply(staff.staffId(), reason)
                : ImportRun.dryRun(staff.staffId(), reason);
        try (InputStream in = file.getInputStream()) {
            ImportReport report = "slots".equals(kind)
                    ? CsvImport.slots(console.engine().exchange(), in, StandardCharsets.UTF_8, run)
                    : CsvImport.members(console.engine().exchange(), in, StandardCharsets.UTF_8, run);
            model.addAttribute("report", report);
        } catch (Refusal refusal) {
            if (refusal.code() == ErrorCode.IMPORT_INVALID) {
                List<LineLine> lines = new ArrayList<>();
                for (LineError e : refusal.lineErrors()) {
                    lines.add(new LineLine(e.line(), console.messages().fieldLabel(e.field()),
                            console.messages().lineMessage(e)));
                }
                model.addAttribute("lineErrors", lines);
                model.addAttribute("lineErrorCount", refusal.lineErrorCount());
                model.addAttribute("errors", FormErrors.page(console.message(refusal)));
            } else {
                model.addAttribute("errors", console.errors(refusal, "reason").renamed("reason", "reason-" + kind));
            }
        }
        return "staff/imports";
    }

    @GetMapping("/staff/roster")
    String roster(Model model) {
        model.addAttribute("date", LocalDate.now(console.engine().clock().withZone(console.engine().policy().zone())));
        model.addAttribute("errors", FormErrors.none());
        return "staff/roster";
    }

    @GetMapping("/staff/roster.csv")
    Object rosterCsv(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(defaultValue = "") String venue, @RequestParam(defaultValue = "UTF_8_BOM") CsvEncoding encoding,
            Model model) throws IOException, Refusal {
        RosterQuery query = new RosterQuery(venue.isBlank() ? Optional.empty() : Optional.of(Venue.of(venue.strip())),
                date, date.plusDays(1));
        // a day's roster is small: written whole before the response, so a character the encoding lacks
        // is a message on the page, not a cut file
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            RosterCsv.export(console.engine().exchange(), query, out, encoding);
        } catch (CsvEncodingException unencodable) {
            model.addAttribute("date", date);
            model.addAttribute("errors", FormErrors.page("予約ID " + unencodable.reservation() + " の"
                    + unencodable.column() + "に Shift_JIS で表せない文字があります。UTF-8 で出力してください。"));
            return "staff/roster";
        }
        String name = "roster-" + date + (venue.isBlank() ? "" : "-" + venue.strip()) + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", encoding.charset()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(out.toByteArray());
    }
}
