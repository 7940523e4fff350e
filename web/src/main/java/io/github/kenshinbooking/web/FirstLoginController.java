package io.github.kenshinbooking.web;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Member;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The first login (AUTH-5): 組合員を選択, 新しいパスワードの設定, メールアドレスの設定 (I-Step 2 to 4). */
@Controller
class FirstLoginController {
    private final Site site;

    FirstLoginController(Site site) {
        this.site = requireNonNull(site, "site");
    }

    @GetMapping("/first/member")
    String member(HouseholdAuthentication auth, Model model) {
        model.addAttribute("household", site.household(auth.session()));
        model.addAttribute("errors", FormErrors.none());
        return "first-member";
    }

    @PostMapping("/first/member")
    String chooseMember(HouseholdAuthentication auth, @RequestParam(defaultValue = "") String member) {
        Member chosen = site.member(auth.session(), member);
        return chosen.representative() ? "redirect:/first/password" : "redirect:/first/member";
    }

    @GetMapping("/first/password")
    String password(Model model) {
        model.addAttribute("errors", FormErrors.none());
        return "first-password";
    }

    @PostMapping("/first/password")
    String changePassword(HouseholdAuthentication auth, @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String confirm, Model model) {
        Member representative = site.household(auth.session()).representative();
        try {
            site.engine().passwords().changePassword(auth.session(), representative.id(),
                    site.engine().passwords().initialPassword(representative), newPassword, confirm);
        } catch (Refusal refusal) {
            model.addAttribute("errors", site.errors(refusal, "newPassword", "confirm"));
            return "first-password";
        }
        return "redirect:/first/email";
    }

    @GetMapping("/first/email")
    String email(Model model) {
        model.addAttribute("errors", FormErrors.none());
        return "first-email";
    }

    @PostMapping("/first/email")
    String setEmail(HouseholdAuthentication auth, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String confirm, @RequestParam(required = false) String skip,
            Model model) {
        Member representative = site.household(auth.session()).representative();
        try {
            if (skip != null) {
                site.engine().emails().skipEmail(auth.session(), representative.id());
            } else {
                site.engine().emails().setEmail(auth.session(), representative.id(), email, confirm);
            }
        } catch (Refusal refusal) {
            model.addAttribute("errors", site.errors(refusal, "email", "confirm"));
            model.addAttribute("email", email);
            return "first-email";
        }
        return "redirect:/first/done";
    }

    @GetMapping("/first/done")
    String done() {
        return "first-done";
    }
}
