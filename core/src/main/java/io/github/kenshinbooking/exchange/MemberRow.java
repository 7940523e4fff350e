package io.github.kenshinbooking.exchange;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One row of a member import (DATA-3) as text, before any check: one member of a household. The rows
 * of one household follow one another; together they are all of its members. The use case checks
 * every field (HARD-3) and reports a bad one with the row's line. A blank or {@code null} field is
 * missing. Immutable and thread-safe.
 *
 * @param line           the row's line in the file (the header is line 1)
 * @param symbolNumber   the household's symbol number (記号番号)
 * @param memberId       the member's number (組合員番号 or 家族番号)
 * @param kana           the name in katakana (カナ氏名)
 * @param name           the name in kanji (漢字氏名)
 * @param birthDate      the birth date, {@code 1960-02-10} or {@code 1960/2/10}
 * @param sex            {@code M}/{@code F}, {@code 男}/{@code 女} or {@code 1}/{@code 2}
 * @param qualifiedFrom  the date the qualification began (資格取得日)
 * @param qualifiedUntil the date it ended (資格喪失日), blank while qualified
 * @param representative whether the member is the representative (代表者): {@code 1}/{@code 0},
 *                       {@code true}/{@code false}
 * @param problem        what the reader found wrong with the row as a whole (e.g. too many columns, a
 *                       broken quote), reported as a bad row; empty for a well-formed row
 */
public record MemberRow(long line, String symbolNumber, String memberId, String kana, String name,
        String birthDate, String sex, String qualifiedFrom, String qualifiedUntil, String representative,
        Optional<String> problem) {
    /**
     * Checks the problem's presence.
     *
     * @param line the row's line
     * @param symbolNumber the household's symbol number
     * @param memberId the member's number
     * @param kana the name in katakana
     * @param name the name in kanji
     * @param birthDate the birth date
     * @param sex the sex
     * @param qualifiedFrom the date the qualification began
     * @param qualifiedUntil the date it ended, blank while qualified
     * @param representative whether the representative
     * @param problem what is wrong with the row as a whole, or empty
     * @throws NullPointerException if {@code problem} is {@code null}
     */
    public MemberRow {
        requireNonNull(problem, "problem");
    }

    /**
     * A well-formed row.
     *
     * @param line the row's line
     * @param symbolNumber the household's symbol number
     * @param memberId the member's number
     * @param kana the name in katakana
     * @param name the name in kanji
     * @param birthDate the birth date
     * @param sex the sex
     * @param qualifiedFrom the date the qualification began
     * @param qualifiedUntil the date it ended, blank while qualified
     * @param representative whether the representative
     */
    public MemberRow(long line, String symbolNumber, String memberId, String kana, String name, String birthDate,
            String sex, String qualifiedFrom, String qualifiedUntil, String representative) {
        this(line, symbolNumber, memberId, kana, name, birthDate, sex, qualifiedFrom, qualifiedUntil, representative,
                Optional.empty());
    }
}
