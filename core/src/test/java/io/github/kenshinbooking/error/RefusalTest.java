package io.github.kenshinbooking.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RefusalTest {
    private static Refusal roundTrip(Refusal r) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(r);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (Refusal) in.readObject();
        }
    }

    @Test
    @DisplayName("AUTH-4 ELIG-2 the details: the lock's end for ACCOUNT_LOCKED, the age limit for NOT_ELIGIBLE_AGE, none otherwise")
    void details() {
        Instant end = Instant.parse("2024-01-10T01:31:00Z");
        Refusal locked = Refusal.accountLocked(end);
        assertThat(locked.code()).isEqualTo(ErrorCode.ACCOUNT_LOCKED);
        assertThat(locked.lockedUntil()).contains(end);
        assertThat(locked.ageLimit()).isEmpty();
        assertThat(locked.field()).isEmpty();
        Refusal old = Refusal.notEligibleAge(AgeLimit.TOO_OLD);
        assertThat(old.code()).isEqualTo(ErrorCode.NOT_ELIGIBLE_AGE);
        assertThat(old.ageLimit()).contains(AgeLimit.TOO_OLD);
        assertThat(old.lockedUntil()).isEmpty();
        Refusal field = Refusal.invalidInput(Refusal.FIELD_SYMBOL_NUMBER, "digits only");
        assertThat(field.field()).contains("symbolNumber");
        assertThat(field.lockedUntil()).isEmpty();
        assertThat(field.ageLimit()).isEmpty();
        assertThat(Refusal.of(ErrorCode.SLOT_FULL).getMessage()).isEqualTo("SLOT_FULL");
        assertThat(field.getMessage()).isEqualTo("INVALID_INPUT [symbolNumber]: digits only");
    }

    @Test
    @DisplayName("a refusal is cheap (no stack trace) and serializable with its details")
    void cheapAndSerializable() throws IOException, ClassNotFoundException {
        Refusal locked = Refusal.accountLocked(Instant.parse("2024-01-10T01:31:00Z"));
        assertThat(locked.getStackTrace()).isEmpty();
        Refusal back = roundTrip(locked);
        assertThat(back.code()).isEqualTo(ErrorCode.ACCOUNT_LOCKED);
        assertThat(back.lockedUntil()).isEqualTo(locked.lockedUntil());
        Refusal young = roundTrip(Refusal.notEligibleAge(AgeLimit.TOO_YOUNG));
        assertThat(young.ageLimit()).contains(AgeLimit.TOO_YOUNG);
        Refusal phone = roundTrip(Refusal.onField(ErrorCode.INVALID_PHONE, Refusal.FIELD_PHONE, null));
        assertThat(phone.field()).contains("phone");
    }

    @Test
    @DisplayName("the field constants keep the names the use cases have always used")
    void fieldNames() {
        assertThat(Refusal.FIELD_SYMBOL_NUMBER).isEqualTo("symbolNumber");
        assertThat(Refusal.FIELD_KANA).isEqualTo("kana");
        assertThat(Refusal.FIELD_PASSWORD).isEqualTo("password");
        assertThat(Refusal.FIELD_NEW).isEqualTo("new");
        assertThat(Refusal.FIELD_CONFIRM).isEqualTo("confirm");
        assertThat(Refusal.FIELD_CURRENT).isEqualTo("current");
        assertThat(Refusal.FIELD_EMAIL).isEqualTo("email");
        assertThat(Refusal.FIELD_TOKEN).isEqualTo("token");
        assertThat(Refusal.FIELD_MEMBER).isEqualTo("member");
        assertThat(Refusal.FIELD_SLOT).isEqualTo("slot");
        assertThat(Refusal.FIELD_RESERVATION).isEqualTo("reservation");
        assertThat(Refusal.FIELD_PHONE).isEqualTo("phone");
        assertThat(Refusal.FIELD_ACCEPT_TERMS).isEqualTo("acceptTerms");
        assertThat(Refusal.FIELD_IDEMPOTENCY_KEY).isEqualTo("idempotencyKey");
        assertThat(Refusal.FIELD_CAPACITY).isEqualTo("capacity");
        assertThat(Refusal.FIELD_STAFF_ACCOUNT).isEqualTo("staffAccount");
        assertThat(Refusal.FIELD_BIRTH_DATE).isEqualTo("birthDate");
        assertThat(Refusal.FIELD_ROW).isEqualTo("row");
        assertThat(Refusal.FIELD_HEADER).isEqualTo("header");
        assertThat(Refusal.FIELD_WAITING_ENTRY).isEqualTo("waitingEntry");
        assertThat(Refusal.FIELD_COURSE).isEqualTo("course");
        assertThat(Refusal.FIELD_OPTIONS).isEqualTo("options");
        // 27 before, 6 for staff and slot management, 12 more for the import columns, rows and header (DATA-2, DATA-3),
        // 1 for the waiting list's entry (WAIT-3), 2 for the course and the optional tests (CRS-1, OPT-1)
        assertThat(RefusalMessages.fieldNames()).hasSize(48);
    }

    @Test
    @DisplayName("DATA-2 DATA-3 IMPORT_INVALID carries the reported line errors and the count of all")
    void importInvalid() {
        LineError first = new LineError(3, Refusal.FIELD_DATE, "a date such as 2024-06-16: 2024-02-30");
        Refusal r = Refusal.importInvalid(java.util.List.of(first, new LineError(5, Refusal.FIELD_ROW, "x")), 7);

        assertThat(r.code()).isEqualTo(ErrorCode.IMPORT_INVALID);
        assertThat(r.lineErrors()).containsExactly(first, new LineError(5, Refusal.FIELD_ROW, "x"));
        assertThat(r.lineErrorCount()).isEqualTo(7);
        assertThat(r.getMessage()).contains("7 error(s)", "line 3", "date");
        assertThat(Refusal.of(ErrorCode.SLOT_FULL).lineErrors()).isEmpty();
        assertThat(Refusal.of(ErrorCode.SLOT_FULL).lineErrorCount()).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Refusal.importInvalid(java.util.List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Refusal.importInvalid(java.util.List.of(first), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
