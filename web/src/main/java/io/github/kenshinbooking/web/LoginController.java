package io.github.kenshinbooking.web;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.LoginResult;
import io.github.kenshinbooking.error.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** ログイン (I-Step 1) and ログアウト. */
@Controller
class LoginController {
    /** The login form. */
    record LoginForm(@NotBlank(message = "記号番号を入力してください") String symbolNumber,
            @NotBlank(message = "組合員フリガナを入力してください") String kana,
            @NotBlank(message = "パスワードを入力してください") String password) {}

    private final Site site;
    private final LoginGate gate;
    private final SessionCookie cookie;
    private final CsrfAuthenticationStrategy csrfRenewal;

    LoginController(Site site, LoginGate gate, SessionCookie cookie, CsrfTokenRepository csrf) {
        this.site = requireNonNull(site, "site");
        this.gate = requireNonNull(gate, "gate");
        this.cookie = requireNonNull(cookie, "cookie");
        this.csrfRenewal = new CsrfAuthenticationStrategy(csrf);
    }

    @GetMapping("/")
    String home() {
        return "redirect:/members";
    }

    @GetMapping("/login")
    String form(Model model) {
        model.addAttribute("form", new LoginForm("", "", ""));
        model.addAttribute("errors", FormErrors.none());
        return "login";
    }

    @PostMapping("/login")
    String login(@Valid @ModelAttribute("form") LoginForm form, BindingResult binding, Model model,
            @RequestParam(name = "ticket", required = false) String ticket, HttpServletRequest request,
            HttpServletResponse response) {
        if (binding.hasErrors()) {
            model.addAttribute("errors", FormErrors.of(binding));
            return "login";
        }
        LoginResult result;
        try {
            result = gate.run(ticket, () -> site.engine().logins().login(form.symbolNumber(), form.kana(), form.password(),
                    request.getRemoteAddr()));
        } catch (LoginGate.Busy busy) {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader("Retry-After", Long.toString(busy.retryAfter().toSeconds()));
            model.addAttribute("retryAfter", busy.retryAfter().toSeconds());
            model.addAttribute("ticket", busy.ticket().orElse(null));
            model.addAttribute("form", new LoginForm(form.symbolNumber(), form.kana(), ""));
            return "busy";
        } catch (Refusal refusal) {
            model.addAttribute("errors", site.errors(refusal, "symbolNumber", "kana", "password"));
            model.addAttribute("form", new LoginForm(form.symbolNumber(), form.kana(), ""));
            return "login";
        }
        // a new session token and a new CSRF token: nothing from before the login survives it
        HouseholdAuthentication authentication = new HouseholdAuthentication(result.session(), result.token().value());
        csrfRenewal.onAuthentication(authentication, request, response);
        cookie.write(request, response, result.token().value());
        return result.firstLogin() ? "redirect:/first/member" : "redirect:/members";
    }

    @PostMapping("/logout")
    String logout(HouseholdAuthentication auth, HttpServletRequest request, HttpServletResponse response) {
        try {
            site.engine().sessions().logout(auth.token());
        } catch (Refusal alreadyEnded) {
            // the session ended meanwhile: the household is logged out all the same
        }
        cookie.clear(request, response);
        SecurityContextHolder.clearContext();
        return "redirect:/login?logout";
    }
}
