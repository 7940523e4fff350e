package io.github.kenshinbooking.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class UnionPolicyTest {

    @Test
    @DisplayName("SES-1 SES-2 the defaults are the manual's numbers and the rules' session numbers")
    void defaults() {
        UnionPolicy p = UnionPolicy.defaults();
        assertThat(p.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(p.deadlines()).isEqualTo(new DeadlinePolicy(13, 13, 2));
        assertThat(p.slots()).isEqualTo(new SlotPolicy(Duration.ofMinutes(30), 3));
        assertThat(p.lockout()).isEqualTo(new LockoutPolicy(3, Duration.ofMinutes(30)));
        assertThat(p.passwords()).isEqualTo(new PasswordPolicy("kenren", 8, 64, 600_000));
        assertThat(p.reset()).isEqualTo(new ResetPolicy(Duration.ofMinutes(60), 3, 32));
        assertThat(p.ages()).isEqualTo(new AgePolicy(40, 75, 16));
        assertThat(p.subsidy()).isEqualTo(new SubsidyPolicy(13_000, 70, 30_000));
        assertThat(p.mail().reminderDaysBefore()).isEqualTo(1);
        assertThat(p.mail().contact()).isEqualTo(UnionContact.manualExample());
        assertThat(p.sessions()).isEqualTo(new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(12), 32));
    }

    @Test
    @DisplayName("toBuilder keeps every group and replaces only the one set")
    void toBuilder() {
        UnionPolicy p = UnionPolicy.builder().zone(ZoneId.of("UTC")).termsVersion("v9")
                .lockout(new LockoutPolicy(5, Duration.ofMinutes(10))).build();
        UnionPolicy q = p.toBuilder().ages(new AgePolicy(35, 80, 18)).build();
        UnionPolicy r = q.toBuilder().sessions(new SessionPolicy(Duration.ofMinutes(15), Duration.ofHours(8), 16))
                .build();
        assertThat(r.sessions()).isEqualTo(new SessionPolicy(Duration.ofMinutes(15), Duration.ofHours(8), 16));
        assertThat(r.toBuilder().build()).isEqualTo(r);
        assertThat(r.ages()).isEqualTo(q.ages());
        assertThat(q.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(q.termsVersion()).isEqualTo("v9");
        assertThat(q.lockout()).isEqualTo(new LockoutPolicy(5, Duration.ofMinutes(10)));
        assertThat(q.ages()).isEqualTo(new AgePolicy(35, 80, 18));
        assertThat(q.deadlines()).isEqualTo(p.deadlines());
    }

    @Test
    @DisplayName("the builder sets every group, chained in any order")
    void builderSetsEveryGroup() {
        SlotPolicy slots = new SlotPolicy(Duration.ofMinutes(20), 5);
        ResetPolicy reset = new ResetPolicy(Duration.ofMinutes(15), 5, 48);
        SubsidyPolicy subsidy = new SubsidyPolicy(10_000, 50, 20_000);
        MailPolicy mail = new MailPolicy(3, UnionContact.manualExample());
        DeadlinePolicy deadlines = new DeadlinePolicy(10, 9, 1);
        PasswordPolicy passwords = new PasswordPolicy("union", 10, 40, 700_000);

        UnionPolicy p = UnionPolicy.builder().slots(slots).reset(reset).subsidy(subsidy).mail(mail)
                .deadlines(deadlines).passwords(passwords).build();

        assertThat(p.slots()).isEqualTo(slots);
        assertThat(p.reset()).isEqualTo(reset);
        assertThat(p.subsidy()).isEqualTo(subsidy);
        assertThat(p.mail()).isEqualTo(mail);
        assertThat(p.deadlines()).isEqualTo(deadlines);
        assertThat(p.passwords()).isEqualTo(passwords);
        assertThat(p.zone()).isEqualTo(UnionPolicy.defaults().zone());
    }

    @Test
    @DisplayName("each group rejects a value out of range, naming it")
    void validation() {
        assertRejects(() -> new DeadlinePolicy(-1, 13, 2), "deadlines.bookingDays");
        assertRejects(() -> new DeadlinePolicy(13, -1, 2), "deadlines.changeDays");
        assertRejects(() -> new DeadlinePolicy(13, 13, -1), "deadlines.cancelDays");
        assertRejects(() -> new SlotPolicy(Duration.ZERO, 3), "slots.defaultDuration");
        assertRejects(() -> new SlotPolicy(Duration.ofMinutes(-5), 3), "slots.defaultDuration");
        assertRejects(() -> new SlotPolicy(Duration.ofMinutes(30), -1), "slots.fewLeftThreshold");
        assertRejects(() -> new LockoutPolicy(0, Duration.ofMinutes(30)), "lockout.afterFailures");
        assertRejects(() -> new LockoutPolicy(3, Duration.ZERO), "lockout.duration");
        assertRejects(() -> new PasswordPolicy("kenren", 0, 64, 600_000), "passwords.minLength");
        assertRejects(() -> new PasswordPolicy("kenren", 8, 7, 600_000), "passwords.maxLength");
        assertRejects(() -> new PasswordPolicy("kenren", 8, 64, 0), "passwords.pbkdf2Iterations");
        assertRejects(() -> new ResetPolicy(Duration.ZERO, 3, 32), "reset.linkValidity");
        assertRejects(() -> new ResetPolicy(Duration.ofMinutes(60), 0, 32), "reset.maxIdentityMismatches");
        assertRejects(() -> new ResetPolicy(Duration.ofMinutes(60), 3, 15), "reset.tokenBytes");
        assertRejects(() -> new AgePolicy(-1, 75, 16), "ages.eligibleFrom");
        assertRejects(() -> new AgePolicy(40, 40, 16), "ages.eligibleUnder");
        assertRejects(() -> new AgePolicy(40, 75, -1), "ages.subsidyFrom");
        assertRejects(() -> new SubsidyPolicy(-1, 70, 30_000), "subsidy.fullUpTo");
        assertRejects(() -> new SubsidyPolicy(40_000, 70, 30_000), "subsidy.fullUpTo");
        assertRejects(() -> new SubsidyPolicy(13_000, 101, 30_000), "subsidy.ratePercent");
        assertRejects(() -> new SubsidyPolicy(13_000, -1, 30_000), "subsidy.ratePercent");
        assertRejects(() -> new SessionPolicy(Duration.ZERO, Duration.ofHours(12), 32), "sessions.idle");
        assertRejects(() -> new SessionPolicy(Duration.ofMinutes(30), Duration.ofSeconds(-1), 32), "sessions.absolute");
        assertRejects(() -> new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(12), 15), "sessions.tokenBytes");
        assertRejects(() -> new MailPolicy(-1, UnionContact.manualExample()), "mail.reminderDaysBefore");
    }

    @Test
    @DisplayName("the bounds themselves are accepted")
    void bounds() {
        assertThat(new DeadlinePolicy(0, 0, 0).cancelDays()).isZero();
        assertThat(new SlotPolicy(Duration.ofMinutes(1), 0).fewLeftThreshold()).isZero();
        assertThat(new LockoutPolicy(1, Duration.ofSeconds(1)).afterFailures()).isEqualTo(1);
        assertThat(new PasswordPolicy("", 1, 1, 600_000).maxLength()).isEqualTo(1);
        assertThat(new ResetPolicy(Duration.ofSeconds(1), 1, ResetPolicy.MIN_TOKEN_BYTES).tokenBytes()).isEqualTo(16);
        assertThat(new AgePolicy(0, 1, 0).eligibleUnder()).isEqualTo(1);
        assertThat(new SubsidyPolicy(0, 0, 0).cap()).isZero();
        assertThat(new SubsidyPolicy(5, 100, 5).ratePercent()).isEqualTo(100);
        assertThat(new MailPolicy(0, UnionContact.manualExample()).reminderDaysBefore()).isZero();
        assertThat(new SessionPolicy(Duration.ofNanos(1), Duration.ofNanos(1), SessionPolicy.MIN_TOKEN_BYTES).tokenBytes())
                .isEqualTo(16);
    }

    private static void assertRejects(org.assertj.core.api.ThrowableAssert.ThrowingCallable c, String name) {
        assertThatThrownBy(c).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(name);
    }
}
