package io.github.kenshinbooking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.account.LoginAttempts;
import io.github.kenshinbooking.audit.AuditAction;
import io.github.kenshinbooking.audit.AuditActor;
import io.github.kenshinbooking.audit.AuditEntry;
import io.github.kenshinbooking.audit.AuditQuery;
import io.github.kenshinbooking.audit.AuditTarget;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.reservation.StaffId;
import io.github.kenshinbooking.staff.StaffAccount;
import io.github.kenshinbooking.staff.StaffMember;
import io.github.kenshinbooking.staff.StaffRole;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Staff accounts: the first administrator, create and disable (ADMIN only), sign-in with AUTH-4's lockout; audited. */
class StaffAccountServiceTest {
    private static final StaffId ADMIN = new StaffId("admin-1");
    private static final String ADMIN_PASSWORD = "admin2024pass";

    private Fixtures f;
    private StaffAccountService accounts;

    @BeforeEach
    void setUp() throws Refusal {
        f = new Fixtures();
        accounts = f.engine.staffAccounts();
        accounts.bootstrapAdmin(ADMIN.value(), "管理者", ADMIN_PASSWORD);
    }

    private static Refusal refused(ThrowingCallable call, ErrorCode code) {
        Refusal[] out = new Refusal[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.code()).isEqualTo(code);
            out[0] = r;
        });
        return out[0];
    }

    private List<AuditEntry> audit(AuditAction action) {
        List<AuditEntry> out = new ArrayList<>();
        f.storage.audit().forEach(AuditQuery.period(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))
                .byAction(action), out::add);
        return out;
    }

    @Test
    @DisplayName("the first administrator is created once, while no staff account exists; the password is stored only hashed")
    void bootstrap() throws Refusal {
        StaffAccount stored = f.storage.staffAccounts().find(ADMIN).orElseThrow();
        assertThat(stored.role()).isEqualTo(StaffRole.ADMIN);
        assertThat(stored.enabled()).isTrue();
        assertThat(stored.passwordHash().encoded()).doesNotContain(ADMIN_PASSWORD);
        assertThat(stored.passwordHash().encoded()).startsWith("pbkdf2-sha256$");
        assertThat(accounts.authenticate(ADMIN.value(), ADMIN_PASSWORD).id()).isEqualTo(ADMIN);
        refused(() -> accounts.bootstrapAdmin("admin-2", "二人目", ADMIN_PASSWORD), ErrorCode.FORBIDDEN);
        assertThat(audit(AuditAction.STAFF_ACCOUNT_CREATED)).singleElement()
                .satisfies(e -> assertThat(e.record().actor()).isEqualTo(AuditActor.job("staff-bootstrap")));
    }

    @Test
    @DisplayName("STAFF-4 only an enabled administrator creates and disables accounts, with a reason; audited")
    void createAndDisable() throws Refusal {
        StaffMember clerk = accounts.create(ADMIN, "新任", "clerk-7", "窓口 花子", StaffRole.STAFF, "clerk2024pw");
        assertThat(clerk).isEqualTo(new StaffMember(new StaffId("clerk-7"), "窓口 花子", StaffRole.STAFF));
        Refusal notAdmin = refused(() -> accounts.create(clerk.id(), "x", "clerk-8", "x", StaffRole.STAFF,
                "clerk2024pw"), ErrorCode.FORBIDDEN);
        assertThat(notAdmin.field()).contains(Refusal.FIELD_STAFF);
        refused(() -> accounts.create(ADMIN, "x", "clerk-7", "同じID", StaffRole.STAFF, "clerk2024pw"),
                ErrorCode.INVALID_INPUT);
        refused(() -> accounts.create(ADMIN, "x", "clerk-8", "x", StaffRole.STAFF, "short"), ErrorCode.PASSWORD_POLICY);
        refused(() -> accounts.create(ADMIN, " ", "clerk-8", "x", StaffRole.STAFF, "clerk2024pw"),
                ErrorCode.INVALID_INPUT);
        refused(() -> accounts.disable(ADMIN, "x", ADMIN), ErrorCode.FORBIDDEN);
        refused(() -> accounts.disable(ADMIN, "x", new StaffId("nobody")), ErrorCode.NOT_FOUND);

        accounts.disable(ADMIN, "退職", clerk.id());

        assertThat(f.storage.staffAccounts().find(clerk.id()).orElseThrow().enabled()).isFalse();
        refused(() -> accounts.authenticate("clerk-7", "clerk2024pw"), ErrorCode.INVALID_CREDENTIALS);
        assertThat(audit(AuditAction.STAFF_ACCOUNT_DISABLED)).singleElement().satisfies(e -> {
            assertThat(e.record().actor()).isEqualTo(AuditActor.staff(ADMIN));
            assertThat(e.record().target()).isEqualTo(AuditTarget.staffAccount(clerk.id()));
            assertThat(e.record().reason()).contains("退職");
            assertThat(e.record().after()).contains("enabled=false");
        });
        assertThat(audit(AuditAction.STAFF_ACCOUNT_CREATED)).hasSize(2);
    }

    @Test
    @DisplayName("AUTH-4 staff sign-in: unknown id, disabled account and wrong password are alike INVALID_CREDENTIALS; the 3rd failure locks")
    void authenticate() throws Refusal {
        assertThat(accounts.authenticate(ADMIN.value(), ADMIN_PASSWORD).role()).isEqualTo(StaffRole.ADMIN);
        refused(() -> accounts.authenticate("nobody", ADMIN_PASSWORD), ErrorCode.INVALID_CREDENTIALS);
        refused(() -> accounts.authenticate(ADMIN.value(), "wrong-pass-1"), ErrorCode.INVALID_CREDENTIALS);
        refused(() -> accounts.authenticate(ADMIN.value(), "wrong-pass-2"), ErrorCode.INVALID_CREDENTIALS);
        Refusal locked = refused(() -> accounts.authenticate(ADMIN.value(), "wrong-pass-3"), ErrorCode.ACCOUNT_LOCKED);
        assertThat(locked.lockedUntil()).contains(f.clock.instant().plus(Duration.ofMinutes(30)));
        refused(() -> accounts.authenticate(ADMIN.value(), ADMIN_PASSWORD), ErrorCode.ACCOUNT_LOCKED);
        refused(() -> accounts.authenticate(" ", ADMIN_PASSWORD), ErrorCode.INVALID_INPUT);

        f.clock.add(Duration.ofMinutes(30));
        assertThat(accounts.authenticate(ADMIN.value(), ADMIN_PASSWORD).id()).isEqualTo(ADMIN);
        assertThat(audit(AuditAction.LOCKED)).singleElement()
                .satisfies(e -> assertThat(e.record().actor()).isEqualTo(AuditActor.staff(ADMIN)));
        assertThat(audit(AuditAction.LOGIN_SUCCEEDED)).hasSize(2);
    }

    @Test
    @DisplayName("AUTH-4 a staff member's lock is kept under staff: and a hash of the id, never a symbol number; a household's count is untouched")
    void lockoutKey() throws Exception {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> accounts.authenticate("1999999", "wrong-pass-1")).isInstanceOf(Refusal.class);
        }
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("1999999".getBytes(StandardCharsets.UTF_8))).substring(0, 40);
        assertThat(f.storage.loginAttempts().find("staff:" + hex).consecutiveFailures()).isEqualTo(2);
        assertThat(f.storage.loginAttempts().find("1999999")).isEqualTo(LoginAttempts.none());
        f.engine.logins().login("1999999", Fixtures.TARO_KANA, "kenren19600210");
    }
}
