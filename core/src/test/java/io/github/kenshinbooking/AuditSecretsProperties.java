package io.github.kenshinbooking;

import static io.github.kenshinbooking.Fixtures.SYMBOL;
import static io.github.kenshinbooking.Fixtures.TARO;
import static io.github.kenshinbooking.Fixtures.TARO_KANA;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.account.Account;
import io.github.kenshinbooking.account.PasswordHash;
import io.github.kenshinbooking.account.TokenHash;
import io.github.kenshinbooking.audit.AuditEntry;
import io.github.kenshinbooking.audit.AuditQuery;
import io.github.kenshinbooking.audit.AuditRecord;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.notification.NotificationData;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.notification.OutboxEntry;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.ReceptionClosing;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.StaffId;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.staff.StaffAccount;
import io.github.kenshinbooking.staff.StaffRole;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * AUDIT-1 as a property: whatever passwords, e-mail addresses and phone numbers households and staff
 * use (and even a phone number typed into a staff reason), after every kind of audited action no
 * audit record holds a password, a password hash or a part of one, a session or reset token or its
 * hash, or a full phone number, in any of its text (summaries, reason, actor and target ids).
 */
class AuditSecretsProperties {

    @Provide
    Arbitrary<String> passwords() {
        Arbitrary<String> letters = Arbitraries.strings().withChars("abcdefghijkmnpqrstuvwxyz").ofMinLength(4)
                .ofMaxLength(12);
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(4).ofMaxLength(8);
        return Combinators.combine(letters, digits).as((l, d) -> l + d);
    }

    @Provide
    Arbitrary<String> phones() {
        Arbitrary<String> rest = Arbitraries.strings().numeric().ofMinLength(9).ofMaxLength(10);
        return Combinators.combine(rest, Arbitraries.of("", "-")).as((r, sep) -> {
            String digits = "0" + r;
            return sep.isEmpty() ? digits : digits.substring(0, 3) + sep + digits.substring(3, 7) + sep
                    + digits.substring(7);
        });
    }

    @Provide
    Arbitrary<String> emails() {
        return Combinators.combine(Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789._")
                .ofMinLength(2).ofMaxLength(20).filter(s -> Character.isLetterOrDigit(s.charAt(0))
                        && !s.contains("..") && !s.endsWith(".")),
                Arbitraries.of("example.jp", "mail.example.co.jp")).as((l, d) -> l + "@" + d);
    }

    @Property(tries = 40)
    @Label("AUDIT-1 no password, hash, token or full phone number appears in any audit record")
    void noSecrets(@ForAll("passwords") String password, @ForAll("passwords") String staffPassword,
            @ForAll("passwords") String resetPassword, @ForAll("emails") String email,
            @ForAll("phones") String phone, @ForAll("phones") String otherPhone) throws Refusal {
        Fixtures f = new Fixtures();
        List<String> secrets = new ArrayList<>(List.of(password, staffPassword, resetPassword, "kenren19600210"));
        Slot feb18 = f.slot(LocalDate.of(2024, 2, 18), LocalTime.of(9, 0), 10);
        Slot feb25 = f.slot(LocalDate.of(2024, 2, 25), LocalTime.of(9, 0), 10);

        LoginResult first = f.engine.logins().login(SYMBOL.value(), TARO_KANA, "kenren19600210");
        secrets.add(first.token().value());
        f.engine.passwords().changePassword(first.session(), TARO, "kenren19600210", password, password);
        try {
            f.engine.passwords().changePassword(first.session(), TARO, "wrong" + password, password + "x",
                    password + "x");
        } catch (Refusal expected) {
            // HARD-1: counted and audited
        }
        f.engine.emails().setEmail(first.session(), TARO, email, email);
        LoginResult second = f.engine.logins().login(SYMBOL.value(), TARO_KANA, password);
        secrets.add(second.token().value());
        Reservation r = f.engine.bookings().book(second.session(), BookingRequest.of(TARO, feb18.id(), phone, true));
        f.engine.bookings().change(second.session(), r.id(), feb25.id(), otherPhone);
        StaffId clerk = new StaffId("clerk-1");
        f.engine.staff().change(clerk, "本人より電話 " + phone + " 折返し " + otherPhone, r.id(), feb18.id(), phone);
        f.engine.staff().cancel(clerk, "電話 " + otherPhone.replace('-', ' '), r.id());
        f.engine.staff().book(clerk, "電話予約 " + phone, BookingRequest.of(Fixtures.UME, feb18.id(), phone, true),
                ReceptionClosing.ENFORCED);

        f.engine.resets().requestReset(email);
        String token = f.storage.outbox().pending().stream().map(OutboxEntry::notification)
                .filter(n -> n.kind() == NotificationKind.PASSWORD_RESET).reduce((a, b) -> b).orElseThrow()
                .get(NotificationData.RESET_TOKEN).orElseThrow();
        secrets.add(token);
        f.engine.resets().resetPassword(token, SYMBOL.value(), TARO_KANA, resetPassword, resetPassword);
        for (int i = 0; i < 3; i++) {
            try {
                f.engine.logins().login(SYMBOL.value(), TARO_KANA, password); // the old one: fails, locks
            } catch (Refusal expected) {
                // AUTH-4
            }
        }

        f.engine.staffAccounts().bootstrapAdmin("admin-1", "管理者", staffPassword);
        f.engine.staffAccounts().create(new StaffId("admin-1"), "新任", "clerk-1", "窓口", StaffRole.STAFF,
                resetPassword + "s");
        secrets.add(resetPassword + "s");
        f.engine.staffAccounts().authenticate("admin-1", staffPassword);

        List<String> tokens = new ArrayList<>(secrets.subList(4, secrets.size()));
        for (String t : tokens) {
            secrets.add(TokenHash.of(t));
        }
        for (Account a : List.of(f.storage.accounts().find(SYMBOL).orElseThrow())) {
            a.passwordHash().map(PasswordHash::encoded).ifPresent(h -> addHash(secrets, h));
        }
        for (StaffAccount a : f.storage.staffAccounts().findAll()) {
            addHash(secrets, a.passwordHash().encoded());
        }
        secrets.add(phone.replaceAll("[^0-9]", ""));
        secrets.add(otherPhone.replaceAll("[^0-9]", ""));
        secrets.add(phone);
        secrets.add(otherPhone);
        secrets.add(otherPhone.replace('-', ' '));

        List<AuditEntry> all = new ArrayList<>();
        f.storage.audit().forEach(AuditQuery.period(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")), all::add);
        assertThat(all).hasSizeGreaterThan(20);
        for (AuditEntry e : all) {
            String text = text(e.record());
            for (String secret : secrets) {
                assertThat(text).as("%s in %s", secret, e.record().action()).doesNotContain(secret);
            }
        }
    }

    /** The hash and each of its salt and hash parts. */
    private static void addHash(List<String> secrets, String encoded) {
        secrets.add(encoded);
        for (String part : encoded.split("\\$")) {
            if (part.length() >= 16) {
                secrets.add(part);
            }
        }
    }

    private static String text(AuditRecord r) {
        return String.join("\n", r.actor().id(), r.actor().member().map(Object::toString).orElse(""),
                r.target().id(), r.before(), r.after(), r.reason().orElse(""), r.toString());
    }
}
