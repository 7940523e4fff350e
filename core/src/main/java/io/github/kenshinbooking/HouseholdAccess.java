package io.github.kenshinbooking;

import io.github.kenshinbooking.account.Account;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.SymbolNumber;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The lookups every household use case starts from, with the refusals they give: the household
 * on record ({@code FORBIDDEN}), one of its members ({@code FORBIDDEN}), its representative
 * ({@code REPRESENTATIVE_ONLY}), its account and AUTH-5 ({@code PASSWORD_CHANGE_REQUIRED}).
 */
final class HouseholdAccess {
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private final EngineContext ctx;

    HouseholdAccess(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** The household's stored account, or the initial one if it never logged in. */
    Account account(SymbolNumber household) {
        return ctx.storage().accounts().find(household).orElse(Account.initial(household));
    }

    /** AUTH-5: the session's account unless its initial password is still in force. */
    Account requireActive(HouseholdSession session) throws Refusal {
        Inputs.required(session, Refusal.FIELD_SESSION);
        return active(account(session.household()));
    }

    /** AUTH-5 on an account read already. */
    static Account active(Account account) throws Refusal {
        if (account.firstLogin()) {
            throw Refusal.of(ErrorCode.PASSWORD_CHANGE_REQUIRED);
        }
        return account;
    }

    Household household(SymbolNumber household) throws Refusal {
        return onRecord(ctx.directory().find(household));
    }

    /**
     * The directory's answer, read before a unit of work (the directory is not the library's data and
     * may use a connection of its own): refused {@code FORBIDDEN} inside it, in ORDER-1's place.
     */
    static Household onRecord(Optional<Household> household) throws Refusal {
        return household.orElseThrow(() -> Refusal.of(ErrorCode.FORBIDDEN, "household not on record"));
    }

    static Member memberOf(Household h, MemberId id) throws Refusal {
        return h.member(id).orElseThrow(
                () -> Refusal.onField(ErrorCode.FORBIDDEN, Refusal.FIELD_MEMBER, "not a member of this household"));
    }

    static Member representative(Household h, MemberId selected) throws Refusal {
        Member m = memberOf(h, selected);
        if (!m.representative()) {
            throw Refusal.onField(ErrorCode.REPRESENTATIVE_ONLY, Refusal.FIELD_MEMBER, "only the representative may do this");
        }
        return m;
    }

    /** AUTH-3: the policy's prefix and the representative's birth date as yyyyMMdd. */
    String initialPassword(Member representative) {
        return ctx.policy().passwords().initialPrefix() + representative.birthDate().format(YYYYMMDD);
    }
}
