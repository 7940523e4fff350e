package io.github.kenshinbooking.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the first-login gate. */
@Configuration(proxyBeanMethods = false)
class WebMvcConfiguration implements WebMvcConfigurer {
    private final FirstLoginInterceptor firstLogin;

    WebMvcConfiguration(FirstLoginInterceptor firstLogin) {
        this.firstLogin = firstLogin;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(firstLogin).excludePathPatterns(SecurityConfiguration.PUBLIC);
    }
}
