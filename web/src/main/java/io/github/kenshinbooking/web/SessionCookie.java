package io.github.kenshinbooking.web;

import static java.util.Objects.requireNonNull;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The cookie that carries the engine's session token: HttpOnly, SameSite=Lax, Secure over HTTPS, no
 * Max-Age (it ends with the browser; the engine expires the session itself, SES-2).
 */
@Component
class SessionCookie {
    private final String name;

    SessionCookie(WebProperties properties) {
        this.name = requireNonNull(properties, "properties").sessionCookie();
    }

    Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> name.equals(c.getName())).map(Cookie::getValue)
                .filter(v -> !v.isBlank()).findFirst();
    }

    void write(HttpServletRequest request, HttpServletResponse response, String token) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, token).build().toString());
    }

    void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "").maxAge(Duration.ZERO).build().toString());
    }

    private ResponseCookie.ResponseCookieBuilder cookie(HttpServletRequest request, String value) {
        return ResponseCookie.from(name, value).path("/").httpOnly(true).sameSite("Lax").secure(request.isSecure());
    }
}
