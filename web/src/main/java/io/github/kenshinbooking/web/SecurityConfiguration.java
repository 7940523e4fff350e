package io.github.kenshinbooking.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Spring Security around the household site: the engine's session in a cookie is the security context
 * ({@link HouseholdContextRepository}), no HTTP session at all (so any instance serves any request); CSRF
 * tokens in a cookie checked against the form's hidden field, renewed at login (with the session token:
 * no fixation); secure headers with a strict content security policy and no referrer (a reset link carries
 * its token in the URL).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {
    /** Pages anyone may open. */
    static final String[] PUBLIC = {"/login", "/password-reminder", "/password-reminder/sent", "/password-reset",
        "/password-reset/done", "/busy", "/css/**", "/js/**", "/img/**", "/demo/**", "/error", "/favicon.ico"};

    @Bean
    CsrfTokenRepository csrfTokenRepository() {
        CookieCsrfTokenRepository repository = new CookieCsrfTokenRepository();
        repository.setCookieName("KENSHIN_CSRF");
        repository.setCookiePath("/");
        repository.setCookieCustomizer(c -> c.sameSite("Lax").httpOnly(true));
        return repository;
    }

    @Bean
    SecurityFilterChain householdSite(HttpSecurity http, HouseholdContextRepository contexts, CsrfTokenRepository csrf)
            throws Exception {
        http.securityContext(c -> c.securityContextRepository(contexts))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .csrf(c -> c.csrfTokenRepository(csrf))
                .authorizeHttpRequests(a -> a.requestMatchers(PUBLIC).permitAll().anyRequest().hasRole("HOUSEHOLD"))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, denied) ->
                        response.sendRedirect(request.getContextPath()
                                + (request.getAttribute(HouseholdContextRepository.EXPIRED) != null
                                        ? "/login?expired" : "/login"))));
        return hardened(http).build();
    }

    /**
     * The staff console (職員画面) under {@code /staff/**}, a chain of its own that is consulted first: its
     * own login and session, its own CSRF cookie, the same headers. The household chain never sees these
     * paths, and this one never reads the household's cookie, so neither session grants anything on the
     * other side. The staff session is an HTTP session (see {@link StaffConsole}).
     */
    @Bean
    @Order(1)
    SecurityFilterChain staffConsoleChain(HttpSecurity http, StaffConsole console) throws Exception {
        http.securityMatcher(StaffConsole.PATHS)
                .securityContext(c -> c.securityContextRepository(console.contexts()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                        .sessionFixation(f -> f.changeSessionId()))
                .requestCache(c -> c.disable())
                .csrf(c -> c.csrfTokenRepository(console.csrf()))
                .authorizeHttpRequests(a -> a.requestMatchers(StaffConsole.LOGIN).permitAll()
                        .requestMatchers(StaffConsole.ADMIN_PATHS).hasRole("ADMIN")
                        .anyRequest().hasRole("STAFF"))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, denied) ->
                        response.sendRedirect(request.getContextPath() + StaffConsole.LOGIN
                                + (request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid()
                                        ? "?expired" : ""))));
        return hardened(http).build();
    }

    /** What both sites share: a strict content security policy, no referrer, no framing, no other login. */
    private static HttpSecurity hardened(HttpSecurity http) throws Exception {
        return http.headers(h -> h
                        .contentSecurityPolicy(p -> p.policyDirectives("default-src 'self'; script-src 'self'; "
                                + "style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; "
                                + "base-uri 'none'; object-src 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(f -> f.deny()))
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .anonymous(a -> a.disable());
    }
}
