package io.github.kenshinbooking.spring;

import io.github.kenshinbooking.mail.MailSender;
import io.github.kenshinbooking.mail.SmtpMailSender;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.context.annotation.Bean;

/**
 * The engine's SMTP sender ({@link SmtpMailSender}) from Spring's {@code spring.mail.*}, when
 * {@code spring.mail.host} is set and the application has no {@link MailSender} of the library's own.
 */
@AutoConfiguration
@ConditionalOnClass(SmtpMailSender.class)
@EnableConfigurationProperties(MailProperties.class)
public class KenshinMailAutoConfiguration {
    /** Created by Spring. */
    public KenshinMailAutoConfiguration() {
    }

    /**
     * The SMTP sender.
     *
     * @param mail {@code spring.mail.*}
     * @return the sender
     */
    @Bean
    @ConditionalOnMissingBean(MailSender.class)
    @ConditionalOnProperty(prefix = "spring.mail", name = "host")
    public SmtpMailSender kenshinMailSender(MailProperties mail) {
        return new SmtpMailSender(SpringMailSettings.from(mail));
    }
}
