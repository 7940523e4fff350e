package io.github.kenshinbooking.web;

import static java.util.Objects.requireNonNull;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** デモ用メールボックス: what the demo SMTP server received, newest first. Only in the demo. */
@Controller
@ConditionalOnBooleanProperty(name = "kenshin.web.demo.enabled", matchIfMissing = true)
class DemoMailController {
    private final GreenMail server;

    DemoMailController(GreenMail server) {
        this.server = requireNonNull(server, "server");
    }

    /** One received mail as shown. */
    record ShownMail(String to, String subject, String from, String body) {}

    @GetMapping("/demo/mails")
    String mails(Model model) throws MessagingException, IOException {
        List<ShownMail> shown = new ArrayList<>();
        MimeMessage[] received = server.getReceivedMessages();
        for (int i = received.length - 1; i >= 0; i--) {
            MimeMessage m = received[i];
            shown.add(new ShownMail(addresses(m.getAllRecipients()), m.getSubject(), addresses(m.getFrom()), text(m)));
        }
        model.addAttribute("mails", shown);
        return "demo-mails";
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    private static String text(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Multipart multi) {
            for (int i = 0; i < multi.getCount(); i++) {
                if (multi.getBodyPart(i).isMimeType("text/plain")) {
                    return text(multi.getBodyPart(i));
                }
            }
        }
        return "";
    }
}
