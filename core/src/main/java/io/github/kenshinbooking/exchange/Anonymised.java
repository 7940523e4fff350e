package io.github.kenshinbooking.exchange;

import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.reservation.PhoneNumber;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.ReservationId;
import io.github.kenshinbooking.reservation.WaitingEntryId;

/**
 * The values a retention purge (DATA-4) writes over a reservation's or waiting-list entry's personal
 * data, the same on every adapter: the household {@code 0}, the member {@code #<reservation id>} or
 * {@code #w<entry id>} (unique, so ONE-1 and WAIT-1 never see two anonymised records as one member's)
 * and the phone {@code 0000000000}; an audit record's household actor or target becomes household
 * {@code 0}. Member ids of the
 * union's records never start with {@code #}. Stateless.
 */
public final class Anonymised {
    /** The household of every anonymised reservation. */
    public static final SymbolNumber HOUSEHOLD = SymbolNumber.of("0");
    /** The phone of every anonymised reservation. */
    public static final PhoneNumber PHONE = new PhoneNumber("0000000000");
    /** The first character of an anonymised reservation's member id. */
    public static final String MEMBER_PREFIX = "#";

    private Anonymised() {
    }

    /**
     * The member id an anonymised reservation holds.
     *
     * @param id the reservation's id
     * @return {@code #<id>}
     */
    public static MemberId member(ReservationId id) {
        return MemberId.of(MEMBER_PREFIX + id.value());
    }

    /**
     * The member id an anonymised waiting-list entry holds.
     *
     * @param id the entry's id
     * @return {@code #w<id>}
     */
    public static MemberId waitingMember(WaitingEntryId id) {
        return MemberId.of(MEMBER_PREFIX + "w" + id.value());
    }

    /**
     * Whether a reservation was anonymised.
     *
     * @param reservation the reservation
     * @return {@code true} if its member id is an anonymised one
     */
    public static boolean isAnonymised(Reservation reservation) {
        return reservation.member().value().startsWith(MEMBER_PREFIX);
    }
}
