package io.github.kenshinbooking;

import io.github.kenshinbooking.account.Account;
import io.github.kenshinbooking.account.EmailAddress;
import io.github.kenshinbooking.account.LoginAttemptStore;
import io.github.kenshinbooking.account.LoginAttempts;
import io.github.kenshinbooking.account.PasswordHash;
import io.github.kenshinbooking.account.ResetToken;
import io.github.kenshinbooking.audit.AuditAction;
import io.github.kenshinbooking.audit.AuditActor;
import io.github.kenshinbooking.audit.AuditChannel;
import io.github.kenshinbooking.audit.AuditRecord;
import io.github.kenshinbooking.audit.AuditTarget;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.notification.NotificationData;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.policy.ResetPolicy;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** "Forgot password" (パスワードを忘れた方): reset links by mail (RESET-1) and their redemption (RESET-2). Thread-safe. */
public final class ResetService {
    private final EngineContext ctx;
    private final HouseholdAccess access;

    ResetService(EngineContext ctx, HouseholdAccess access) {
        this.ctx = ctx;
        this.access = access;
    }

    /**
     * Mails a reset link, valid for the policy's time, to each household registered with the
     * address (RESET-1). Answers the same whether or not the address is known, and takes the same
     * steps for both (HARD-4): the accounts and the directory read, and one unit of work run that writes the address's interval either way (an address on record adds
     * its link and mail to the same commit). At most one mail per household and per address within
     * the policy's mail interval: a request within it answers alike and sends nothing (HARD-2).
     *
     * @param email the address typed on the site
     * @throws Refusal {@code INVALID_INPUT} for a missing address, or one holding a control character
     *     or malformed UTF-16 (HARD-3)
     */
    public void requestReset(String email) throws Refusal {
        Inputs.line(email, Refusal.FIELD_EMAIL);
        if (!EmailAddress.valid(email.strip())) {
            return;
        }
        EmailAddress address = new EmailAddress(email.strip());
        ResetPolicy policy = ctx.policy().reset();
        // the directory is read before the unit of work (it may use a connection of its own)
        Set<SymbolNumber> onRecord = new HashSet<>();
        for (Account acc : ctx.storage().accounts().findByEmail(address)) {
            if (ctx.directory().find(acc.household()).isPresent()) {
                onRecord.add(acc.household());
            }
        }
        String addressKey = FailureCounter.hashedKey(ADDRESS_KEY_PREFIX, address.mailbox());
        ctx.storage().unitOfWork().execute(() -> {
            Instant now = ctx.clock().instant();
            // HARD-4 and HARD-2: every request, for an address on record or not, locks and writes the
            // address's row (its interval), so both commit a write and requests for one address queue
            LoginAttemptStore rows = ctx.storage().loginAttempts();
            if (rows.findForUpdate(addressKey).lockedAt(now)) {
                return List.<Account>of(); // within the interval of this address's last request: nothing sent
            }
            rows.save(addressKey, new LoginAttempts(0, Optional.of(now.plus(policy.mailInterval()))));
            List<Account> accounts = ctx.storage().accounts().findByEmail(address);
            for (Account acc : accounts) {
                if (!onRecord.contains(acc.household()) || acc.email().isEmpty()) {
                    continue;
                }
                Optional<Instant> last = ctx.storage().resetTokens().lastIssuedAt(acc.household());
                if (last.isPresent() && now.isBefore(last.get().plus(policy.mailInterval()))) {
                    continue; // HARD-2: one mail per household per interval
                }
                String token = newToken(policy); // one address may serve several households: a token each
                Instant expires = now.plus(policy.linkValidity());
                ctx.storage().resetTokens().add(new ResetToken(ResetToken.hashOf(token), acc.household(), now,
                        expires, 0, false));
                Audits.append(ctx, AuditRecord.of(now, AuditActor.household(acc.household()), AuditChannel.WEB,
                        AuditAction.RESET_REQUESTED, AuditTarget.household(acc.household()), "",
                        "link=mailed to " + AuditRecord.maskEmail(acc.email().get()) + " expires=" + expires));
                ctx.notifier().to(acc.email().get(), NotificationKind.PASSWORD_RESET,
                        Map.of(NotificationData.RESET_TOKEN, token,
                                NotificationData.RESET_EXPIRES_AT,
                                LocalDateTime.ofInstant(expires, ctx.policy().zone()).toString()),
                        now);
            }
            return accounts;
        });
    }

    /** Prefix of an address's key in the login-attempt store (HARD-2's interval per address). */
    static final String ADDRESS_KEY_PREFIX = "reset:";

    private String newToken(ResetPolicy policy) {
        byte[] raw = new byte[policy.tokenBytes()];
        ctx.random().nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /**
     * Redeems a reset link (RESET-2) with the household's symbol number, the representative's kana
     * and the new password twice. Success sets the password, spends the token and voids every other
     * link of the household (HARD-2), clears any lock and ends every session of the household (SES-3);
     * an identity mismatch is counted even though it is refused.
     *
     * @param token        the token of the link
     * @param symbolNumber the household's 記号番号
     * @param kana         the representative's フリガナ
     * @param newPassword  the new password
     * @param confirmation the new password typed again
     * @throws Refusal {@code INVALID_INPUT}, {@code RESET_TOKEN_INVALID}, {@code RESET_IDENTITY_MISMATCH},
     *     {@code PASSWORD_POLICY}, {@code CONFIRMATION_MISMATCH}
     */
    public void resetPassword(String token, String symbolNumber, String kana, String newPassword,
            String confirmation) throws Refusal {
        Inputs.line(token, Refusal.FIELD_TOKEN);
        Inputs.line(symbolNumber, Refusal.FIELD_SYMBOL_NUMBER);
        Inputs.line(kana, Refusal.FIELD_KANA);
        Inputs.line(newPassword, Refusal.FIELD_NEW);
        Inputs.line(confirmation, Refusal.FIELD_CONFIRM);
        String tokenHash = ResetToken.hashOf(token);
        // SES-4: the directory read and the new password's hash run before the unit of work. A token's
        // household never changes, so what is read here is what the unit of work re-checks against.
        Optional<ResetToken> seen = ctx.storage().resetTokens().findForUpdate(tokenHash);
        Optional<Household> household = seen.flatMap(t -> ctx.directory().find(t.household()));
        Optional<PasswordHash> newHash = Optional.empty();
        if (seen.isPresent() && seen.get().usableAt(ctx.clock().instant(),
                ctx.policy().reset().maxIdentityMismatches()) && identityOk(seen.get(), household, symbolNumber, kana)) {
            ctx.passwordRules().checkNew(newPassword, confirmation,
                    access.initialPassword(household.get().representative()));
            newHash = Optional.of(ctx.hasher().hash(newPassword));
        }
        Optional<PasswordHash> hashed = newHash;
        Outcome<SymbolNumber> outcome = ctx.storage().unitOfWork().execute(() -> {
            Instant now = ctx.clock().instant();
            Optional<ResetToken> found = ctx.storage().resetTokens().findForUpdate(tokenHash);
            // a token not seen before the unit of work was made after the request began: no link
            // could carry it yet
            if (found.isEmpty() || seen.isEmpty()
                    || !found.get().usableAt(now, ctx.policy().reset().maxIdentityMismatches())) {
                return Outcome.refused(ErrorCode.RESET_TOKEN_INVALID);
            }
            ResetToken t = found.get();
            if (!identityOk(t, household, symbolNumber, kana)) {
                // the mismatch must count even though the request is refused: commit it
                ResetToken counted = t.withMismatch();
                ctx.storage().resetTokens().update(counted);
                Audits.append(ctx, AuditRecord.of(now, AuditActor.household(t.household()), AuditChannel.WEB,
                        AuditAction.RESET_IDENTITY_MISMATCH, AuditTarget.household(t.household()),
                        "mismatches=" + t.identityMismatches(), "mismatches=" + counted.identityMismatches()));
                return Outcome.refused(ErrorCode.RESET_IDENTITY_MISMATCH);
            }
            Member rep = household.get().representative();
            ctx.passwordRules().checkNew(newPassword, confirmation, access.initialPassword(rep));
            if (hashed.isEmpty()) { // usable and matching now but not before: the token cannot regain use
                return Outcome.refused(ErrorCode.RESET_TOKEN_INVALID);
            }
            Account acc = access.account(t.household());
            ctx.storage().accounts().save(acc.withPasswordHash(hashed.get()));
            // spends this token and voids every other link of the household (HARD-2)
            ctx.storage().resetTokens().voidAllOf(t.household());
            ctx.storage().loginAttempts().save(t.household().value(), LoginAttempts.none());
            ctx.storage().sessions().endAllOf(t.household());
            Audits.append(ctx, AuditRecord.of(now, AuditActor.household(t.household()), AuditChannel.WEB,
                    AuditAction.PASSWORD_RESET, AuditTarget.household(t.household()), "",
                    "lock=lifted sessions=ended resetLinks=voided"));
            return Outcome.ok(t.household());
        });
        outcome.get();
    }

    private static boolean identityOk(ResetToken t, Optional<Household> household, String symbolNumber, String kana) {
        return household.isPresent()
                && t.household().value().equals(Normalizer.normalize(symbolNumber, Normalizer.Form.NFKC).strip())
                && household.get().representative().kana().matches(kana);
    }
}
