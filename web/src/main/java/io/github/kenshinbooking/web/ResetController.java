package io.github.kenshinbooking.web;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.error.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** パスワードを忘れたとき (VI): the reminder mail and the reset page its link opens (RESET-1, RESET-2). */
@Controller
class ResetController {
    private final Site site;

    ResetController(Site site) {
        this.site = requireNonNull(site, "site");
    }

    @GetMapping("/password-reminder")
    String reminder(Model model) {
        model.addAttribute("errors", FormErrors.none());
        return "reminder";
    }

    @PostMapping("/password-reminder")
    String sendReminder(@RequestParam(defaultValue = "") String email, Model model) {
        try {
            site.engine().resets().requestReset(email);
        } catch (Refusal refusal) {
            model.addAttribute("errors", site.errors(refusal, "email"));
            return "reminder";
        }
        return "redirect:/password-reminder/sent";
    }

    @GetMapping("/password-reminder/sent")
    String sent() {
        return "reminder-sent";
    }

    @GetMapping("/password-reset")
    String reset(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("errors", FormErrors.none());
        return "reset";
    }

    @PostMapping("/password-reset")
    String doReset(@RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "") String symbolNumber, @RequestParam(defaultValue = "") String kana,
            @RequestParam(defaultValue = "") String newPassword, @RequestParam(defaultValue = "") String confirm,
            Model model) {
        try {
            site.engine().resets().resetPassword(token, symbolNumber, kana, newPassword, confirm);
        } catch (Refusal refusal) {
            model.addAttribute("token", token);
            model.addAttribute("symbolNumber", symbolNumber);
            model.addAttribute("kana", kana);
            model.addAttribute("errors", site.errors(refusal, "symbolNumber", "kana", "newPassword", "confirm"));
            return "reset";
        }
        return "redirect:/password-reset/done";
    }

    @GetMapping("/password-reset/done")
    String resetDone() {
        return "reset-done";
    }
}
