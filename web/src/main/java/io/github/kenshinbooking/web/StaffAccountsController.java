package io.github.kenshinbooking.web;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.reservation.StaffId;
import io.github.kenshinbooking.staff.StaffRole;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 職員アカウント: administrators list, create and disable staff accounts (paths only {@code ROLE_ADMIN} opens). */
@Controller
class StaffAccountsController implements StaffPages {
    private final StaffConsole console;

    StaffAccountsController(StaffConsole console) {
        this.console = requireNonNull(console, "console");
    }

    @GetMapping("/staff/accounts")
    String accounts(Model model) {
        return page(model, Map.of("role", "STAFF"), FormErrors.none());
    }

    @PostMapping("/staff/accounts")
    String create(@RequestParam Map<String, String> form, StaffAuthentication staff, Model model,
            RedirectAttributes redirect) {
        Map<String, String> typed = new LinkedHashMap<>(form);
        typed.remove("_csrf");
        typed.remove("password");
        StaffRole role = "ADMIN".equals(form.get("role")) ? StaffRole.ADMIN : StaffRole.STAFF;
        try {
            console.engine().staffAccounts().create(staff.staffId(), form.getOrDefault("reason", ""),
                    form.getOrDefault("newStaffId", ""), form.getOrDefault("displayName", ""), role,
                    form.getOrDefault("password", ""));
        } catch (Refusal refusal) {
            return page(model, typed, console.errors(refusal, Refusal.FIELD_STAFF_ACCOUNT, "displayName", "newPassword",
                    "reason").renamed(Refusal.FIELD_STAFF_ACCOUNT, "newStaffId").renamed("newPassword", "password"));
        }
        redirect.addFlashAttribute("notice", "職員アカウント " + form.get("newStaffId") + " を作成しました。");
        return "redirect:/staff/accounts";
    }

    @GetMapping("/staff/accounts/disable")
    String disableForm(@RequestParam String id, Model model) {
        model.addAttribute("id", id);
        model.addAttribute("reason", "");
        model.addAttribute("errors", FormErrors.none());
        return "staff/account-disable";
    }

    @PostMapping("/staff/accounts/disable")
    String disable(@RequestParam String id, @RequestParam(defaultValue = "") String reason, StaffAuthentication staff,
            Model model, RedirectAttributes redirect) {
        try {
            console.engine().staffAccounts().disable(staff.staffId(), reason, StaffId.parse(id));
        } catch (Refusal refusal) {
            model.addAttribute("id", id);
            model.addAttribute("reason", reason);
            model.addAttribute("errors", console.errors(refusal, "reason"));
            return "staff/account-disable";
        }
        redirect.addFlashAttribute("notice", "職員アカウント " + id + " を無効にしました。");
        return "redirect:/staff/accounts";
    }

    private String page(Model model, Map<String, String> typed, FormErrors errors) {
        model.addAttribute("accounts", console.engine().storage().staffAccounts().findAll());
        model.addAttribute("typed", typed);
        model.addAttribute("reason", typed.getOrDefault("reason", ""));
        model.addAttribute("errors", errors);
        return "staff/accounts";
    }
}
