package io.github.kenshinbooking.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import io.github.kenshinbooking.policy.DeadlinePolicy;

import io.github.kenshinbooking.policy.UnionPolicy;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DeadlinesTest {
    private final Deadlines deadlines = new Deadlines(UnionPolicy.defaults());
    private final LocalDate exam = LocalDate.of(2024, 2, 18);

    @Test
    @DisplayName("SLOT-2 exam 2024-02-18 closes booking at 2024-02-05 00:00 Tokyo; allowed only while now < deadline")
    void booking() {
        assertThat(deadlines.deadline(DeadlineKind.BOOKING, exam))
                .isEqualTo(ZonedDateTime.of(2024, 2, 5, 0, 0, 0, 0, ZoneId.of("Asia/Tokyo")).toInstant());
        assertThat(deadlines.allows(DeadlineKind.BOOKING, exam,
                ZonedDateTime.of(2024, 2, 4, 23, 59, 59, 999_999_999, ZoneId.of("Asia/Tokyo")).toInstant())).isTrue();
        assertThat(deadlines.allows(DeadlineKind.BOOKING, exam,
                ZonedDateTime.of(2024, 2, 5, 0, 0, 0, 0, ZoneId.of("Asia/Tokyo")).toInstant())).isFalse();
    }

    @Test
    @DisplayName("CHG-1 CNL-1 change 13 days, cancel 2 days before at 00:00; numbers come from the policy")
    void changeCancel() {
        assertThat(deadlines.localDeadline(DeadlineKind.CHANGE, exam)).isEqualTo(LocalDateTime.of(2024, 2, 5, 0, 0));
        assertThat(deadlines.localDeadline(DeadlineKind.CANCEL, exam)).isEqualTo(LocalDateTime.of(2024, 2, 16, 0, 0));
        Deadlines other = new Deadlines(UnionPolicy.builder().deadlines(new DeadlinePolicy(13, 13, 5)).zone(ZoneId.of("UTC")).build());
        assertThat(other.localDeadline(DeadlineKind.CANCEL, exam)).isEqualTo(LocalDateTime.of(2024, 2, 13, 0, 0));
        assertThat(other.deadline(DeadlineKind.CANCEL, exam)).isEqualTo(LocalDateTime.of(2024, 2, 13, 0, 0)
                .atZone(ZoneId.of("UTC")).toInstant());
    }

    @Test
    @DisplayName("SLOT-2 the reception window is half-open [opens, booking deadline)")
    void window() {
        Slot s = Slot.of(SlotId.of(1), new SlotSpec(Venue.of("v"), "i", exam, java.time.LocalTime.NOON,
                java.time.Duration.ofMinutes(30), 1, LocalDateTime.of(2023, 12, 1, 0, 0).atZone(ZoneId.of("Asia/Tokyo")).toInstant()));
        ReceptionWindow w = deadlines.receptionWindow(s);
        assertThat(w.contains(s.receptionOpens())).isTrue();
        assertThat(w.notYetOpen(s.receptionOpens().minusNanos(1))).isTrue();
        assertThat(w.closed(w.closes())).isTrue();
        assertThat(w.contains(w.closes().minusNanos(1))).isTrue();
        assertThat(w.contains(s.receptionOpens().minusNanos(1))).isFalse();
        assertThat(w.contains(w.closes())).isFalse();
    }
}
