package io.github.kenshinbooking.policy;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Who a union's mails come from and the contact footer they end with (MAIL-1).
 * Immutable and thread-safe.
 *
 * @param unionName   the union's name, e.g. 建設連合国民健康保険組合
 * @param senderAddress the From address of every mail
 * @param senderName  the display name of the From address
 * @param footerLines the お問い合わせ先 block: postal code, address, office, TEL
 */
public record UnionContact(String unionName, String senderAddress, String senderName, List<String> footerLines) {
    /**
     * Checks the values and copies the footer lines.
     *
     * @param unionName the union's name, e.g. 建設連合国民健康保険組合
     * @param senderAddress the From address of every mail
     * @param senderName the display name of the From address
     * @param footerLines the お問い合わせ先 block: postal code, address, office, TEL
     * @throws NullPointerException if a value or a footer line is {@code null}
     */
    public UnionContact {
        requireNonNull(unionName, "unionName");
        requireNonNull(senderAddress, "senderAddress");
        requireNonNull(senderName, "senderName");
        footerLines = List.copyOf(requireNonNull(footerLines, "footerLines"));
    }

    /**
     * The contact block of the union's 2024-03 manual (reset mail example).
     *
     * @return the manual's contact
     */
    public static UnionContact manualExample() {
        return new UnionContact(
                "建設連合国民健康保険組合",
                "no-reply@kenren.example.jp",
                "建設連合国民健康保険組合 健診予約",
                List.of(
                        "〒550-0014",
                        "大阪府大阪市西区北堀江 1-19-1 八光心齋橋 AIR ビル3F",
                        "建設連合国民健康保険組合 大阪府支部 / 大阪府建設組合",
                        "TEL : 0120-654-931"));
    }
}
