package io.github.kenshinbooking.web;

import static java.util.Objects.requireNonNull;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/** While the initial password is in force (AUTH-5) a household sees only the first-login steps. */
@Component
class FirstLoginInterceptor implements HandlerInterceptor {
    private final Site site;

    FirstLoginInterceptor(Site site) {
        this.site = requireNonNull(site, "site");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws java.io.IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof HouseholdAuthentication auth
                && !request.getRequestURI().startsWith(request.getContextPath() + "/first/")
                && !request.getRequestURI().equals(request.getContextPath() + "/logout")
                && site.engine().logins().firstLogin(auth.session())) {
            response.sendRedirect(request.getContextPath() + "/first/member");
            return false;
        }
        return true;
    }
}
