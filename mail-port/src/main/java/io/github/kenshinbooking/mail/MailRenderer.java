package io.github.kenshinbooking.mail;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.notification.Notification;
import io.github.kenshinbooking.notification.NotificationData;
import io.github.kenshinbooking.notification.OutboxEntry;
import io.github.kenshinbooking.policy.UnionPolicy;

/** Renders an outbox entry as a Japanese mail (MAIL-1). Immutable and thread-safe. */
public final class MailRenderer {
    private final UnionPolicy policy;

    private MailRenderer(UnionPolicy policy) {
        this.policy = requireNonNull(policy, "policy");
    }

    /** The built-in templates with the sender and footer of the policy's contact. */
    public static MailRenderer withDefaults(UnionPolicy policy) {
        return new MailRenderer(policy);
    }

    public MailMessage render(OutboxEntry entry) {
        requireNonNull(entry, "entry");
        Notification n = entry.notification();
        String subject;
        StringBuilder body = new StringBuilder();
        switch (n.kind()) {
            case BOOKED -> {
                subject = "【集団特定健診】予約完了のお知らせ";
                body.append("ご予約を受け付けました。\n");
                reservation(body, n);
            }
            case CHANGED -> {
                subject = "【集団特定健診】予約変更完了のお知らせ";
                body.append("ご予約を変更しました。\n");
                reservation(body, n);
            }
            case CANCELLED -> {
                subject = "【集団特定健診】予約キャンセル完了のお知らせ";
                body.append("ご予約をキャンセルしました。\n");
                reservation(body, n);
            }
            case REMINDER -> {
                subject = "【集団特定健診】受診日前日のお知らせ";
                body.append("明日は健診の受診日です。\n");
                reservation(body, n);
            }
            case EVENT_CANCELLED -> {
                subject = "【集団特定健診】開催中止のお知らせ";
                body.append("下記の健診は開催中止となりました。ご予約はキャンセルされました。\n");
                reservation(body, n);
            }
            case EMAIL_CHANGED -> {
                subject = "【集団特定健診】メールアドレス変更完了のお知らせ";
                body.append("メールアドレスを変更しました: ").append(n.get(NotificationData.EMAIL).orElse(""))
                        .append('\n');
            }
            case PASSWORD_RESET -> {
                subject = "【集団特定健診】パスワードを再設定ください。";
                body.append("下記の URL よりパスワードの変更が行えます。\n")
                        .append("パスワード変更 URL : https://example.invalid/reset?token=")
                        .append(n.get(NotificationData.RESET_TOKEN).orElse("")).append('\n')
                        .append("※有効期限: ").append(n.get(NotificationData.RESET_EXPIRES_AT).orElse(""))
                        .append('\n');
            }
            default -> throw new IllegalArgumentException("unknown kind " + n.kind());
        }
        body.append("\n【お問い合わせ先】\n");
        policy.contact().footerLines().forEach(l -> body.append(l).append('\n'));
        String from = policy.contact().senderAddress();
        String domain = from.substring(from.indexOf('@') + 1);
        return new MailMessage("<outbox-" + entry.id() + "@" + domain + ">", n.kind(), from,
                policy.contact().senderName(), n.recipient(), subject, body.toString(), n);
    }

    private static void reservation(StringBuilder b, Notification n) {
        b.append("予約ID: ").append(n.get(NotificationData.RESERVATION_ID).orElse("")).append('\n')
                .append("受診者: ").append(n.get(NotificationData.MEMBER_NAME).orElse("")).append('\n')
                .append("会場: ").append(n.get(NotificationData.VENUE).orElse("")).append('(')
                .append(n.get(NotificationData.INSTITUTION).orElse("")).append(")\n")
                .append("受診日時: ").append(n.get(NotificationData.EXAM_DATE).orElse("")).append(' ')
                .append(n.get(NotificationData.START_TIME).orElse("")).append(" ~\n");
    }
}
