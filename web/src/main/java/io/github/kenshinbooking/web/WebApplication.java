package io.github.kenshinbooking.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The reference web site. Without configuration it runs the demo: embedded H2, the manual's households
 * and venues with a reception window open now, and an in-process SMTP server whose mails {@code /demo/mails}
 * shows. With {@code spring.datasource.*} and {@code kenshin.web.demo.enabled=false} it is the union's site.
 */
@SpringBootApplication
@EnableConfigurationProperties(WebProperties.class)
public class WebApplication {
    /**
     * Starts the site.
     *
     * @param args Spring Boot arguments, e.g. {@code --server.port=9090}
     */
    public static void main(String[] args) {
        SpringApplication.run(WebApplication.class, args);
    }
}
