package io.github.kenshinbooking.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Marks the staff console's controllers; their pages get the signed-in staff member as {@code staff}. */
interface StaffPages {
    /** Puts the signed-in staff member (or {@code null} on the sign-in page) on every staff page. */
    @ControllerAdvice(assignableTypes = StaffPages.class)
    class Advice {
        @ModelAttribute("staff")
        StaffAuthentication staff() {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            return auth instanceof StaffAuthentication s ? s : null;
        }
    }
}
