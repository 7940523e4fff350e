package io.github.kenshinbooking.spring;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.mail.MailRenderer;
import io.github.kenshinbooking.mail.MailSender;
import io.github.kenshinbooking.mail.OutboxRelay;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The outbox relay (when there is a {@link MailSender}) and the schedule of the relay, the reminder job and
 * the waiting-list job ({@link KenshinScheduledJobs}), each on unless {@code kenshin.outbox.enabled},
 * {@code kenshin.reminders.enabled} or {@code kenshin.waiting-list.enabled} is {@code false}.
 */
@AutoConfiguration(after = {KenshinBookingAutoConfiguration.class, KenshinMailAutoConfiguration.class})
@ConditionalOnBean(KenshinBooking.class)
public class KenshinJobsAutoConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(KenshinJobsAutoConfiguration.class);

    /** Created by Spring. */
    public KenshinJobsAutoConfiguration() {
    }

    /**
     * The relay over the engine's outbox.
     *
     * @param engine     the engine
     * @param renderer   the mail renderer
     * @param sender     the mail sender
     * @param properties {@code kenshin.*}
     * @return the relay
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(MailSender.class)
    public OutboxRelay kenshinOutboxRelay(KenshinBooking engine, MailRenderer renderer, MailSender sender,
            KenshinProperties properties) {
        return new OutboxRelay(engine.storage().outbox(), renderer, sender, engine.clock(), properties.toRelayPolicy());
    }

    /**
     * The schedule.
     *
     * @param engine     the engine
     * @param relay      the relay, if there is a mail sender
     * @param properties {@code kenshin.*}
     * @return the jobs, started with the context
     */
    @Bean
    @ConditionalOnMissingBean
    public KenshinScheduledJobs kenshinScheduledJobs(KenshinBooking engine, ObjectProvider<OutboxRelay> relay,
            KenshinProperties properties) {
        KenshinProperties.Outbox outbox = properties.getOutbox();
        KenshinProperties.Reminders reminders = properties.getReminders();
        Optional<OutboxRelay> r = outbox.isEnabled() ? Optional.ofNullable(relay.getIfAvailable()) : Optional.empty();
        if (outbox.isEnabled() && r.isEmpty()) {
            LOG.warn("kenshin: no mail sender (set spring.mail.host or define an io.github.kenshinbooking.mail.MailSender"
                    + " bean): mails wait in the outbox and are not sent by this instance");
        }
        KenshinProperties.WaitingList waiting = properties.getWaitingList();
        return new KenshinScheduledJobs(r, outbox.getInterval(),
                reminders.isEnabled() ? Optional.of(engine.reminders()) : Optional.empty(),
                reminders.getInitialDelay(), reminders.getInterval(),
                waiting.isEnabled() ? Optional.of(engine.waitingList()) : Optional.empty(), waiting.getInterval());
    }
}
