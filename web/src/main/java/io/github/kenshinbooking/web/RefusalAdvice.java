package io.github.kenshinbooking.web;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.error.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A refusal no form can show (a bad month in the URL, a reservation of another household): the bundle's words. */
@ControllerAdvice
class RefusalAdvice {
    private final Site site;

    RefusalAdvice(Site site) {
        this.site = requireNonNull(site, "site");
    }

    @ExceptionHandler(Refusal.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String refused(Refusal refusal, Model model) {
        model.addAttribute("message", site.message(refusal));
        model.addAttribute("code", refusal.code().name());
        return "refused";
    }
}
