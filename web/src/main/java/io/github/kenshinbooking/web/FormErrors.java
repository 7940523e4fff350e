package io.github.kenshinbooking.web;

import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.error.RefusalMessages;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * What a page says went wrong: a message per form field, shown beside it, and one for the page. A refusal's
 * message is the library's bundle text (RefusalMessages); it goes to the field it names when the form has
 * it, else to the top of the page.
 */
public final class FormErrors {
    private final Map<String, String> fields = new LinkedHashMap<>();
    private String page;

    /** @return no error */
    static FormErrors none() {
        return new FormErrors();
    }

    /**
     * @param message the page's message
     * @return that message at the top of the page
     */
    static FormErrors page(String message) {
        FormErrors e = new FormErrors();
        e.page = message;
        return e;
    }

    /**
     * @param field the form field
     * @param message its message
     * @return that message at the field
     */
    static FormErrors field(String field, String message) {
        FormErrors e = new FormErrors();
        e.fields.put(field, message);
        return e;
    }

    /**
     * @param binding Jakarta Validation's findings on the form
     * @return a message per rejected field
     */
    static FormErrors of(BindingResult binding) {
        FormErrors e = new FormErrors();
        for (FieldError f : binding.getFieldErrors()) {
            e.fields.putIfAbsent(f.getField(), f.getDefaultMessage());
        }
        if (binding.hasGlobalErrors()) {
            e.page = binding.getGlobalError().getDefaultMessage();
        }
        return e;
    }

    /**
     * @param refusal the engine's refusal
     * @param messages the bundle
     * @param formFields the fields of the form on the page, by the refusal's field name ({@code new} is
     *     {@code newPassword} on the forms); a refusal naming a test on {@code options} goes to
     *     {@code options-} and the test's code
     * @return the message at its field, or at the top of the page
     */
    static FormErrors of(Refusal refusal, RefusalMessages messages, Set<String> formFields) {
        FormErrors e = new FormErrors();
        String text = messages.message(refusal);
        String field = refusal.field().map(f -> Refusal.FIELD_NEW.equals(f) ? "newPassword" : f).orElse("");
        if (Refusal.FIELD_OPTIONS.equals(field) && formFields.contains(field) && refusal.subject().isPresent()) {
            field = "options-" + refusal.subject().get(); // the test's own checkbox (OPT-1, OPT-2)
            e.fields.put(field, text);
        } else if (formFields.contains(field)) {
            e.fields.put(field, text);
        } else {
            e.page = text;
        }
        return e;
    }

    /**
     * @param from a field's name in the refusal
     * @param to its id on a page with several forms
     * @return these messages with that field's under the new name
     */
    FormErrors renamed(String from, String to) {
        FormErrors e = new FormErrors();
        e.page = page;
        fields.forEach((k, v) -> e.fields.put(k.equals(from) ? to : k, v));
        return e;
    }

    /** @return the messages by form field; unmodifiable */
    public Map<String, String> getFields() {
        return Collections.unmodifiableMap(fields);
    }

    /** @return the page's message, or {@code null} */
    public String getPage() {
        return page;
    }

    /** @return whether there is any message */
    public boolean isAny() {
        return page != null || !fields.isEmpty();
    }
}
