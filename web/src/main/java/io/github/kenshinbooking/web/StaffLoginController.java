package io.github.kenshinbooking.web;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.staff.StaffMember;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** 職員ログイン and ログアウト of the staff console. */
@Controller
class StaffLoginController implements StaffPages {
    /** The sign-in form. */
    record StaffLoginForm(@NotBlank(message = "職員IDを入力してください") String staffId,
            @NotBlank(message = "パスワードを入力してください") String password) {}

    private final StaffConsole console;
    private final LoginGate gate;

    StaffLoginController(StaffConsole console, LoginGate gate) {
        this.console = requireNonNull(console, "console");
        this.gate = requireNonNull(gate, "gate");
    }

    @GetMapping({"/staff", "/staff/"})
    String home() {
        return "redirect:/staff/households";
    }

    @GetMapping(StaffConsole.LOGIN)
    String form(Model model) {
        model.addAttribute("form", new StaffLoginForm("", ""));
        model.addAttribute("errors", FormErrors.none());
        return "staff/login";
    }

    @PostMapping(StaffConsole.LOGIN)
    String login(@Valid @ModelAttribute("form") StaffLoginForm form, BindingResult binding, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        if (binding.hasErrors()) {
            model.addAttribute("errors", FormErrors.of(binding));
            return "staff/login";
        }
        StaffMember member;
        try {
            member = gate.run(() -> console.engine().staffAccounts().authenticate(form.staffId(), form.password()));
        } catch (LoginGate.Busy busy) {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader("Retry-After", Long.toString(busy.retryAfter().toSeconds()));
            model.addAttribute("errors", FormErrors.page("ただいま混み合っています。しばらくしてから再度お試しください。"));
            model.addAttribute("form", new StaffLoginForm(form.staffId(), ""));
            return "staff/login";
        } catch (Refusal refusal) {
            // the bundle's INVALID_CREDENTIALS speaks of a household's symbol number and kana
            model.addAttribute("errors", refusal.code() == ErrorCode.INVALID_CREDENTIALS
                    ? FormErrors.page("職員IDまたはパスワードに誤りがあります。") : console.errors(refusal, "password"));
            model.addAttribute("form", new StaffLoginForm(form.staffId(), ""));
            return "staff/login";
        }
        console.signIn(member, request, response);
        return "redirect:/staff/households";
    }

    @PostMapping("/staff/logout")
    String logout(HttpServletRequest request) {
        console.signOut(request);
        return "redirect:/staff/login?logout";
    }
}
