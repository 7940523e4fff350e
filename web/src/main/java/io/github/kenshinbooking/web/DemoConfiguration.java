package io.github.kenshinbooking.web;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.github.kenshinbooking.eligibility.CourseCatalog;
import io.github.kenshinbooking.mail.MailSender;
import io.github.kenshinbooking.mail.SmtpMailSender;
import io.github.kenshinbooking.mail.SmtpSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The demo (on unless {@code kenshin.web.demo.enabled=false}): an in-process SMTP server the outbox relay
 * sends to over real SMTP, the mailbox page that shows what it received, the demo union's courses and
 * optional tests, and the demo data.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "kenshin.web.demo.enabled", matchIfMissing = true)
class DemoConfiguration {

    @Bean(destroyMethod = "stop")
    GreenMail demoSmtpServer(WebProperties properties) {
        ServerSetup setup = new ServerSetup(properties.demo().smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail server = new GreenMail(properties.demo().smtpPort() == 0 ? setup.dynamicPort() : setup);
        server.start();
        return server;
    }

    /** The demo union's courses and optional tests (CRS-1, OPT-1); the starter hands them to the engine. */
    @Bean
    CourseCatalog demoCourses() {
        return DemoData.catalog();
    }

    /** Replaces the starter's sender: the relay delivers to the demo server. */
    @Bean
    MailSender demoMailSender(GreenMail demoSmtpServer) {
        return new SmtpMailSender(SmtpSettings.builder().host("127.0.0.1")
                .port(demoSmtpServer.getSmtp().getPort()).build());
    }

}
