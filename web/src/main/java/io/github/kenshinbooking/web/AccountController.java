package io.github.kenshinbooking.web;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.HouseholdSession;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Member;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** マイページ (会員詳細), パスワード変更 (IV) and メールアドレス変更 (V): the representative's pages. */
@Controller
class AccountController {
    private final Site site;

    AccountController(Site site) {
        this.site = requireNonNull(site, "site");
    }

    @GetMapping("/m/{memberId}/mypage")
    String mypage(HouseholdAuthentication auth, @PathVariable String memberId, Model model) {
        HouseholdSession session = auth.session();
        site.selected(model, session, memberId);
        model.addAttribute("email", site.engine().emails().email(session).map(Object::toString).orElse("未登録"));
        return "mypage";
    }

    @GetMapping("/m/{memberId}/password")
    String password(HouseholdAuthentication auth, @PathVariable String memberId, Model model) {
        site.selected(model, auth.session(), memberId);
        model.addAttribute("errors", FormErrors.none());
        return "password";
    }

    @PostMapping("/m/{memberId}/password")
    String changePassword(HouseholdAuthentication auth, @PathVariable String memberId,
            @RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String confirm, Model model) {
        HouseholdSession session = auth.session();
        Member member = site.selected(model, session, memberId);
        try {
            site.engine().passwords().changePassword(session, member.id(), current, newPassword, confirm);
        } catch (Refusal refusal) {
            model.addAttribute("errors", site.errors(refusal, "current", "newPassword", "confirm"));
            return "password";
        }
        return "password-done";
    }

    @GetMapping("/m/{memberId}/email")
    String email(HouseholdAuthentication auth, @PathVariable String memberId, Model model) {
        HouseholdSession session = auth.session();
        site.selected(model, session, memberId);
        model.addAttribute("email", site.engine().emails().email(session).map(Object::toString).orElse(""));
        model.addAttribute("errors", FormErrors.none());
        return "email-input";
    }

    @PostMapping("/m/{memberId}/email/confirm")
    String emailConfirm(HouseholdAuthentication auth, @PathVariable String memberId,
            @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String confirm,
            Model model) {
        HouseholdSession session = auth.session();
        site.selected(model, session, memberId);
        model.addAttribute("email", email);
        if (!email.equals(confirm)) {
            model.addAttribute("errors", site.errors(
                    Refusal.onField(io.github.kenshinbooking.error.ErrorCode.CONFIRMATION_MISMATCH, "confirm",
                            "confirmation differs"), "email", "confirm"));
            return "email-input";
        }
        model.addAttribute("errors", FormErrors.none());
        return "email-confirm";
    }

    @PostMapping("/m/{memberId}/email")
    String setEmail(HouseholdAuthentication auth, @PathVariable String memberId,
            @RequestParam(defaultValue = "") String email, Model model) {
        HouseholdSession session = auth.session();
        Member member = site.selected(model, session, memberId);
        try {
            site.engine().emails().setEmail(session, member.id(), email, email);
        } catch (Refusal refusal) {
            model.addAttribute("email", email);
            model.addAttribute("errors", site.errors(refusal, "email"));
            return "email-input";
        }
        return "email-done";
    }
}
