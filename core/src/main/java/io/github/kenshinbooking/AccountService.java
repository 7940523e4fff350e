package io.github.kenshinbooking;

import io.github.kenshinbooking.account.Account;
import io.github.kenshinbooking.account.EmailAddress;
import io.github.kenshinbooking.account.LoginAttemptStore;
import io.github.kenshinbooking.account.LoginAttempts;
import io.github.kenshinbooking.account.PasswordHash;
import io.github.kenshinbooking.account.ResetToken;
import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.notification.NotificationData;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.policy.UnionPolicy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Household account use cases: login with lockout (AUTH-1..5), password change (PW-1..3), e-mail
 * (MAIL-ADDR-1) and reset links (RESET-1, RESET-2). Thread-safe.
 */
public final class AccountService {
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private final EngineContext ctx;
    private final UnionPolicy policy;
    private final PasswordHash dummyHash;

    public AccountService(EngineContext ctx) {
        this.ctx = requireNonNull(ctx, "ctx");
        this.policy = ctx.policy();
        // verified against when the household is unknown, so it costs the same work (AUTH-4)
        this.dummyHash = ctx.hasher().hash("kenshin-booking-dummy-" + ctx.random().nextLong());
    }

    /**
     * Logs a household in with symbol number, the representative's kana and the password
     * (AUTH-1, AUTH-2), counting failures and locking (AUTH-4).
     *
     * @throws Refusal {@code INVALID_INPUT} for missing fields, {@code INVALID_CREDENTIALS},
     *     {@code ACCOUNT_LOCKED}
     */
    public LoginResult login(String symbolNumber, String kana, String password) throws Refusal {
        SymbolNumber symbol = SymbolNumber.parse(symbolNumber, "symbolNumber");
        Inputs.requiredText(kana, "kana");
        Inputs.required(password, "password");
        Outcome<LoginResult> outcome = ctx.storage().unitOfWork().execute(() -> {
            Instant now = ctx.clock().instant();
            LoginAttemptStore attemptsStore = ctx.storage().loginAttempts();
            LoginAttempts stored = attemptsStore.findForUpdate(symbol.value());
            if (stored.lockedAt(now)) {
                return Outcome.refused(ErrorCode.ACCOUNT_LOCKED);
            }
            // a lock that has ended resets the count
            LoginAttempts attempts = stored.lockedUntil().isPresent() ? LoginAttempts.none() : stored;
            Optional<Household> household = ctx.directory().find(symbol);
            Optional<Account> account = household.flatMap(h -> ctx.storage().accounts().find(symbol));
            if (!verify(household, account, kana, password)) {
                int failures = attempts.consecutiveFailures() + 1;
                LoginAttempts next = failures >= policy.lockAfterFailures()
                        ? new LoginAttempts(0, Optional.of(now.plus(policy.lockDuration())))
                        : new LoginAttempts(failures, Optional.empty());
                attemptsStore.save(symbol.value(), next);
                return Outcome.refused(next.lockedUntil().isPresent()
                        ? ErrorCode.ACCOUNT_LOCKED : ErrorCode.INVALID_CREDENTIALS);
            }
            if (!stored.equals(LoginAttempts.none())) {
                attemptsStore.save(symbol.value(), LoginAttempts.none());
            }
            Account acc = account.orElse(Account.initial(symbol));
            acc.passwordHash().filter(ctx.hasher()::needsRehash)
                    .ifPresent(old -> ctx.storage().accounts().save(acc.withPasswordHash(ctx.hasher().hash(password))));
            return Outcome.ok(new LoginResult(new HouseholdSession(symbol, now), acc.firstLogin()));
        });
        return outcome.get();
    }

    private boolean verify(Optional<Household> household, Optional<Account> account, String kana, String password) {
        if (household.isEmpty()) {
            ctx.hasher().verify(password, dummyHash);
            return false;
        }
        Member rep = household.get().representative();
        boolean kanaOk = rep.kana().matches(kana);
        boolean passwordOk;
        Optional<PasswordHash> hash = account.flatMap(Account::passwordHash);
        if (hash.isPresent()) {
            passwordOk = ctx.hasher().verify(password, hash.get());
        } else {
            ctx.hasher().verify(password, dummyHash);
            passwordOk = constantTimeEquals(password, initialPassword(rep));
        }
        return kanaOk && passwordOk;
    }

    /** The initial password of AUTH-3: prefix + representative birth date yyyyMMdd. */
    public String initialPassword(Member representative) {
        return policy.initialPasswordPrefix() + representative.birthDate().format(YYYYMMDD);
    }

    /**
     * Refuses {@code PASSWORD_CHANGE_REQUIRED} while the household's initial password is in force
     * (AUTH-5). Every household use case but password change calls it.
     *
     * @return the household's account, as read for the check
     */
    public Account requireActive(HouseholdSession session) throws Refusal {
        Inputs.required(session, "session");
        return active(account(session.household()));
    }

    /**
     * AUTH-5 on an account the caller has read already (the household's stored account, or
     * {@link Account#initial} if none is stored): returns it unless first-login is in force.
     *
     * @throws Refusal {@code PASSWORD_CHANGE_REQUIRED} in first-login
     */
    public static Account active(Account account) throws Refusal {
        requireNonNull(account, "account");
        if (account.firstLogin()) {
            throw Refusal.of(ErrorCode.PASSWORD_CHANGE_REQUIRED);
        }
        return account;
    }

    /** Whether the household is in first-login (AUTH-5). */
    public boolean firstLogin(HouseholdSession session) {
        return account(requireNonNull(session, "session").household()).firstLogin();
    }

    /** The household's e-mail address, if set. */
    public Optional<EmailAddress> email(HouseholdSession session) {
        return account(requireNonNull(session, "session").household()).email();
    }

    /**
     * Changes the household password (PW-1, PW-2): representative only, with the current password.
     *
     * @throws Refusal {@code FORBIDDEN}, {@code REPRESENTATIVE_ONLY}, {@code INVALID_CREDENTIALS},
     *     {@code PASSWORD_POLICY}, {@code CONFIRMATION_MISMATCH}
     */
    public void changePassword(HouseholdSession session, MemberId selected, String current, String newPassword,
            String confirmation) throws Refusal {
        Inputs.required(session, "session");
        Inputs.required(selected, "member");
        Inputs.required(current, "current");
        Inputs.required(newPassword, "new");
        Inputs.required(confirmation, "confirm");
        ctx.storage().unitOfWork().execute(() -> {
            Household h = householdOf(session);
            Member rep = representativeSelected(h, selected);
            Account acc = account(h.symbolNumber());
            boolean currentOk = acc.passwordHash()
                    .map(hash -> ctx.hasher().verify(current, hash))
                    .orElseGet(() -> constantTimeEquals(current, initialPassword(rep)));
            if (!currentOk) {
                throw Refusal.onField(ErrorCode.INVALID_CREDENTIALS, "current", "current password does not match");
            }
            checkNewPassword(rep, newPassword, confirmation);
            ctx.storage().accounts().save(acc.withPasswordHash(ctx.hasher().hash(newPassword)));
            return null;
        });
    }

    /**
     * Sets, changes or (with a blank address) deletes the household e-mail (MAIL-ADDR-1); a change
     * sends an {@code EMAIL_CHANGED} notice to the new address.
     *
     * @throws Refusal {@code PASSWORD_CHANGE_REQUIRED}, {@code FORBIDDEN}, {@code REPRESENTATIVE_ONLY},
     *     {@code INVALID_EMAIL}, {@code CONFIRMATION_MISMATCH}
     */
    public void setEmail(HouseholdSession session, MemberId selected, String email, String confirmation)
            throws Refusal {
        Inputs.required(session, "session");
        Inputs.required(selected, "member");
        Inputs.required(email, "email");
        Inputs.required(confirmation, "confirm");
        ctx.storage().unitOfWork().execute(() -> {
            requireActive(session);
            Household h = householdOf(session);
            representativeSelected(h, selected);
            Optional<EmailAddress> address;
            if (email.isBlank()) {
                if (!confirmation.isBlank()) {
                    throw Refusal.onField(ErrorCode.CONFIRMATION_MISMATCH, "confirm", "confirmation differs");
                }
                address = Optional.empty();
            } else {
                address = Optional.of(EmailAddress.parse(email));
                if (!email.strip().equals(confirmation.strip())) {
                    throw Refusal.onField(ErrorCode.CONFIRMATION_MISMATCH, "confirm", "confirmation differs");
                }
            }
            ctx.storage().accounts().save(account(h.symbolNumber()).withEmail(address));
            if (address.isPresent()) {
                ctx.notifier().to(address.get(), NotificationKind.EMAIL_CHANGED,
                        Map.of(NotificationData.EMAIL, address.get().value(),
                                NotificationData.SYMBOL_NUMBER, h.symbolNumber().value()),
                        ctx.clock().instant());
            }
            return null;
        });
    }

    /**
     * Ends the first-login e-mail step without an address (AUTH-5). Allowed once the new password
     * is set; changes nothing stored.
     *
     * @throws Refusal {@code PASSWORD_CHANGE_REQUIRED}, {@code FORBIDDEN}, {@code REPRESENTATIVE_ONLY}
     */
    public void skipEmail(HouseholdSession session, MemberId selected) throws Refusal {
        Inputs.required(session, "session");
        Inputs.required(selected, "member");
        requireActive(session);
        representativeSelected(householdOf(session), selected);
    }

    /**
     * "Forgot password" (RESET-1): if the address belongs to households, mails each a reset link
     * valid for the policy's time. Answers the same whether or not the address is known.
     */
    public void requestReset(String email) throws Refusal {
        Inputs.required(email, "email");
        if (!EmailAddress.valid(email.strip())) {
            return;
        }
        EmailAddress address = new EmailAddress(email.strip());
        ctx.storage().unitOfWork().execute(() -> {
            Instant now = ctx.clock().instant();
            List<Account> accounts = ctx.storage().accounts().findByEmail(address);
            for (Account acc : accounts) {
                if (ctx.directory().find(acc.household()).isEmpty() || acc.email().isEmpty()) {
                    continue;
                }
                byte[] raw = new byte[policy.resetTokenBytes()];
                ctx.random().nextBytes(raw);
                String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
                Instant expires = now.plus(policy.resetLinkValidity());
                ctx.storage().resetTokens().add(new ResetToken(hashToken(token), acc.household(), now, expires, 0,
                        false));
                ctx.notifier().to(acc.email().get(), NotificationKind.PASSWORD_RESET,
                        Map.of(NotificationData.RESET_TOKEN, token,
                                NotificationData.RESET_EXPIRES_AT,
                                LocalDateTime.ofInstant(expires, policy.zone()).toString()),
                        now);
            }
            return null;
        });
    }

    /**
     * Redeems a reset link (RESET-2) with the household's symbol number, the representative's kana
     * and the new password twice. Success sets the password, spends the token and clears any lock.
     *
     * @throws Refusal {@code RESET_TOKEN_INVALID}, {@code RESET_IDENTITY_MISMATCH},
     *     {@code PASSWORD_POLICY}, {@code CONFIRMATION_MISMATCH}
     */
    public void resetPassword(String token, String symbolNumber, String kana, String newPassword,
            String confirmation) throws Refusal {
        Inputs.required(token, "token");
        Inputs.required(symbolNumber, "symbolNumber");
        Inputs.required(kana, "kana");
        Inputs.required(newPassword, "new");
        Inputs.required(confirmation, "confirm");
        Outcome<Void> outcome = ctx.storage().unitOfWork().execute(() -> {
            Instant now = ctx.clock().instant();
            Optional<ResetToken> found = ctx.storage().resetTokens().findForUpdate(hashToken(token));
            if (found.isEmpty() || !found.get().usableAt(now, policy.resetMaxIdentityMismatches())) {
                return Outcome.refused(ErrorCode.RESET_TOKEN_INVALID);
            }
            ResetToken t = found.get();
            Optional<Household> household = ctx.directory().find(t.household());
            boolean identityOk = household.isPresent()
                    && t.household().value().equals(normalizedSymbol(symbolNumber))
                    && household.get().representative().kana().matches(kana);
            if (!identityOk) {
                // the mismatch must count even though the request is refused: commit it
                ctx.storage().resetTokens().update(t.withMismatch());
                return Outcome.refused(ErrorCode.RESET_IDENTITY_MISMATCH);
            }
            Member rep = household.get().representative();
            checkNewPassword(rep, newPassword, confirmation);
            Account acc = account(t.household());
            ctx.storage().accounts().save(acc.withPasswordHash(ctx.hasher().hash(newPassword)));
            ctx.storage().resetTokens().update(t.spent());
            ctx.storage().loginAttempts().save(t.household().value(), LoginAttempts.none());
            return Outcome.ok(null);
        });
        outcome.get();
    }

    /** PW-1 for a new password. */
    void checkNewPassword(Member rep, String newPassword, String confirmation) throws Refusal {
        int len = newPassword.codePointCount(0, newPassword.length());
        boolean letter = false;
        boolean digit = false;
        for (int i = 0; i < newPassword.length(); i++) {
            char c = newPassword.charAt(i);
            letter |= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            digit |= c >= '0' && c <= '9';
        }
        if (len < policy.passwordMinLength() || len > policy.passwordMaxLength() || !letter || !digit) {
            throw Refusal.onField(ErrorCode.PASSWORD_POLICY, "new", "at least " + policy.passwordMinLength()
                    + " and at most " + policy.passwordMaxLength() + " characters, letters and digits");
        }
        if (newPassword.equals(initialPassword(rep))) {
            throw Refusal.onField(ErrorCode.PASSWORD_POLICY, "new", "must differ from the initial password");
        }
        if (!newPassword.equals(confirmation)) {
            throw Refusal.onField(ErrorCode.CONFIRMATION_MISMATCH, "confirm", "confirmation differs");
        }
    }

    private Household householdOf(HouseholdSession session) throws Refusal {
        return ctx.directory().find(session.household())
                .orElseThrow(() -> Refusal.of(ErrorCode.FORBIDDEN, "household no longer exists"));
    }

    private static Member representativeSelected(Household h, MemberId selected) throws Refusal {
        Member m = h.member(selected).orElseThrow(() -> Refusal.onField(ErrorCode.FORBIDDEN, "member",
                "not a member of this household"));
        if (!m.representative()) {
            throw Refusal.onField(ErrorCode.REPRESENTATIVE_ONLY, "member", "only the representative may do this");
        }
        return m;
    }

    private Account account(SymbolNumber s) {
        return ctx.storage().accounts().find(s).orElse(Account.initial(s));
    }

    private static String normalizedSymbol(String raw) {
        return java.text.Normalizer.normalize(raw, java.text.Normalizer.Form.NFKC).strip();
    }

    /** SHA-256 hex of a reset token: only this is stored (RESET-2). */
    public static String hashToken(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("SHA-256 is required of every JDK", e);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** A result decided inside a unit of work whose writes must commit even when the answer is a refusal. */
    private static final class Outcome<T> {
        private final T value;
        private final ErrorCode refusal;

        private Outcome(T value, ErrorCode refusal) {
            this.value = value;
            this.refusal = refusal;
        }

        static <T> Outcome<T> ok(T value) {
            return new Outcome<>(value, null);
        }

        static <T> Outcome<T> refused(ErrorCode code) {
            return new Outcome<>(null, code);
        }

        T get() throws Refusal {
            if (refusal != null) {
                throw Refusal.of(refusal);
            }
            return value;
        }
    }
}
