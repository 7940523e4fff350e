package io.github.kenshinbooking.web;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.HouseholdSession;
import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.error.RefusalMessages;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/** What every page controller needs: the engine, the bundle, the household on record. */
@Component
class Site {
    private final KenshinBooking engine;
    private final RefusalMessages messages;

    Site(KenshinBooking engine, RefusalMessages messages) {
        this.engine = requireNonNull(engine, "engine");
        this.messages = requireNonNull(messages, "messages");
    }

    KenshinBooking engine() {
        return engine;
    }

    Household household(HouseholdSession session) {
        return engine.directory().find(session.household())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The selected member (利用者), who must belong to the logged-in household. */
    Member member(HouseholdSession session, String memberId) {
        return member(household(session), memberId);
    }

    /**
     * Puts the selected member and the household on the page (the header's ようこそ and menu), reading the
     * household once.
     *
     * @return the selected member
     */
    Member selected(Model model, HouseholdSession session, String memberId) {
        Household household = household(session);
        Member member = member(household, memberId);
        model.addAttribute("member", member);
        model.addAttribute("household", household);
        return member;
    }

    private static Member member(Household household, String memberId) {
        MemberId id;
        try {
            id = MemberId.parse(memberId);
        } catch (Refusal badId) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return household.members().stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    FormErrors errors(Refusal refusal, String... formFields) {
        return FormErrors.of(refusal, messages, Set.of(formFields));
    }

    String message(Refusal refusal) {
        return messages.message(refusal);
    }
}
