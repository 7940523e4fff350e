package io.github.kenshinbooking.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
                                        ? "/login?expired" : "/login"))))
                .headers(h -> h
                        .contentSecurityPolicy(p -> p.policyDirectives("default-src 'self'; script-src 'self'; "
                                + "style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; "
                                + "base-uri 'none'; object-src 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(f -> f.deny()))
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .anonymous(a -> a.disable());
        return http.build();
    }
}
