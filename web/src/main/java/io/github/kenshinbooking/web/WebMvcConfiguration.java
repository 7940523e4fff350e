package io.github.kenshinbooking.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the first-login gate and the staff console's session checks. */
@Configuration(proxyBeanMethods = false)
class WebMvcConfiguration implements WebMvcConfigurer {
    private final FirstLoginInterceptor firstLogin;
    private final StaffConsole staff;

    WebMvcConfiguration(FirstLoginInterceptor firstLogin, StaffConsole staff) {
        this.firstLogin = firstLogin;
        this.staff = staff;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(firstLogin).excludePathPatterns(SecurityConfiguration.PUBLIC)
                .excludePathPatterns(StaffConsole.PATHS);
        registry.addInterceptor(staff).addPathPatterns(StaffConsole.PATHS).excludePathPatterns(StaffConsole.LOGIN);
    }
}
