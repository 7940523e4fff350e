package io.github.kenshinbooking;

import io.github.kenshinbooking.account.Account;
import io.github.kenshinbooking.account.EmailAddress;
import io.github.kenshinbooking.audit.AuditAction;
import io.github.kenshinbooking.audit.AuditActor;
import io.github.kenshinbooking.audit.AuditChannel;
import io.github.kenshinbooking.audit.AuditRecord;
import io.github.kenshinbooking.audit.AuditTarget;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.notification.NotificationData;
import io.github.kenshinbooking.notification.NotificationKind;
import java.util.Map;
import java.util.Optional;

/** The household e-mail address (メールアドレス登録・変更, MAIL-ADDR-1) and first-login's e-mail step (AUTH-5). Thread-safe. */
public final class EmailService {
    private final EngineContext ctx;
    private final HouseholdAccess access;

    EmailService(EngineContext ctx, HouseholdAccess access) {
        this.ctx = ctx;
        this.access = access;
    }

    /**
     * The household's e-mail address.
     *
     * @param session the household's session
     * @return the address, if set
     */
    public Optional<EmailAddress> email(HouseholdSession session) {
        java.util.Objects.requireNonNull(session, "session");
        return access.account(session.household()).email();
    }

    /**
     * Sets, changes or (with a blank address and confirmation) deletes the household e-mail
     * (MAIL-ADDR-1); a new address gets an {@code EMAIL_CHANGED} notice.
     *
     * @param session      the household's session
     * @param selected     the member selected on the site, who must be the representative
     * @param email        the address, or blank to delete it
     * @param confirmation the address typed again
     * @throws Refusal {@code INVALID_INPUT}, {@code PASSWORD_CHANGE_REQUIRED}, {@code FORBIDDEN},
     *     {@code REPRESENTATIVE_ONLY}, {@code INVALID_EMAIL}, {@code CONFIRMATION_MISMATCH}
     */
    public void setEmail(HouseholdSession session, MemberId selected, String email, String confirmation)
            throws Refusal {
        Inputs.required(session, Refusal.FIELD_SESSION);
        Inputs.required(selected, Refusal.FIELD_MEMBER);
        Inputs.line(email, Refusal.FIELD_EMAIL);
        Inputs.line(confirmation, Refusal.FIELD_CONFIRM);
        Optional<Household> onRecord = ctx.directory().find(session.household());
        ctx.storage().unitOfWork().execute(() -> {
            access.requireActive(session);
            Household h = HouseholdAccess.onRecord(onRecord);
            HouseholdAccess.representative(h, selected);
            Optional<EmailAddress> address;
            if (email.isBlank()) {
                if (!confirmation.isBlank()) {
                    throw Refusal.onField(ErrorCode.CONFIRMATION_MISMATCH, Refusal.FIELD_CONFIRM, "confirmation differs");
                }
                address = Optional.empty();
            } else {
                address = Optional.of(EmailAddress.parse(email));
                if (!email.strip().equals(confirmation.strip())) {
                    throw Refusal.onField(ErrorCode.CONFIRMATION_MISMATCH, Refusal.FIELD_CONFIRM, "confirmation differs");
                }
            }
            Account before = access.account(h.symbolNumber());
            ctx.storage().accounts().save(before.withEmail(address));
            Audits.append(ctx, AuditRecord.of(ctx.clock().instant(), AuditActor.household(h.symbolNumber(), selected),
                    AuditChannel.WEB, AuditAction.EMAIL_CHANGED, AuditTarget.household(h.symbolNumber()),
                    Audits.email(before.email()), Audits.email(address)));
            if (address.isPresent()) {
                ctx.notifier().to(address.get(), NotificationKind.EMAIL_CHANGED,
                        Map.of(NotificationData.EMAIL, address.get().value(),
                                NotificationData.SYMBOL_NUMBER, h.symbolNumber().value()),
                        ctx.clock().instant());
            }
            return h;
        });
    }

    /**
     * Ends first-login's e-mail step without an address (AUTH-5). Allowed once the new password is
     * set; changes nothing stored.
     *
     * @param session  the household's session
     * @param selected the member selected on the site, who must be the representative
     * @throws Refusal {@code INVALID_INPUT}, {@code PASSWORD_CHANGE_REQUIRED}, {@code FORBIDDEN},
     *     {@code REPRESENTATIVE_ONLY}
     */
    public void skipEmail(HouseholdSession session, MemberId selected) throws Refusal {
        Inputs.required(session, Refusal.FIELD_SESSION);
        Inputs.required(selected, Refusal.FIELD_MEMBER);
        access.requireActive(session);
        HouseholdAccess.representative(access.household(session.household()), selected);
    }
}
