package io.github.kenshinbooking.household;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A member of a household (HH-1): the representative (組合員/代表者) or a family member (家族).
 * Immutable and thread-safe.
 *
 * @param id             the member's id
 * @param kana           カナ氏名
 * @param name           漢字氏名
 * @param birthDate      生年月日 (Gregorian)
 * @param sex            性別
 * @param qualifiedFrom  資格取得日
 * @param qualifiedUntil 資格喪失日, if the qualification ended (ELIG-3: not qualified from that day on)
 * @param representative whether this is the household's representative
 */
public record Member(
        MemberId id,
        KanaName kana,
        String name,
        LocalDate birthDate,
        Sex sex,
        LocalDate qualifiedFrom,
        Optional<LocalDate> qualifiedUntil,
        boolean representative) {

    /**
     * Checks the components.
     *
     * @param id the member's id
     * @param kana カナ氏名
     * @param name 漢字氏名
     * @param birthDate 生年月日 (Gregorian)
     * @param sex 性別
     * @param qualifiedFrom 資格取得日
     * @param qualifiedUntil 資格喪失日, if the qualification ended (ELIG-3: not qualified from that day on)
     * @param representative whether this is the household's representative
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if {@code qualifiedUntil} is before {@code qualifiedFrom}
     */
    public Member {
        requireNonNull(id, "id");
        requireNonNull(kana, "kana");
        requireNonNull(name, "name");
        requireNonNull(birthDate, "birthDate");
        requireNonNull(sex, "sex");
        requireNonNull(qualifiedFrom, "qualifiedFrom");
        requireNonNull(qualifiedUntil, "qualifiedUntil");
        if (qualifiedUntil.isPresent() && qualifiedUntil.get().isBefore(qualifiedFrom)) {
            throw new IllegalArgumentException("qualifiedUntil before qualifiedFrom");
        }
    }
}
