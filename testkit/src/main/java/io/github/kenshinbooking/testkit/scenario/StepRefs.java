package io.github.kenshinbooking.testkit.scenario;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A step's references to the scenario's fixtures (members, households, slots) and to the
 * reservations earlier steps named with {@code as}, each checked where it is read; plus the
 * small readers several step kinds share. One per parse. Internal.
 */
final class StepRefs {
    private final Set<String> households;
    private final Set<String> members;
    private final Set<String> slots;
    private final Set<String> reservationNames = new HashSet<>();

    /** Live views of the fixtures read so far, keyed by symbol number, member key and slot key. */
    StepRefs(Set<String> households, Set<String> members, Set<String> slots) {
        this.households = households;
        this.members = members;
        this.slots = slots;
    }

    /** A symbol number as the user types it: a string (or digits), or null for a missing input. */
    static String symbolInput(Node n) throws InvalidScenarioException {
        Node s = n.req("symbolNumber");
        return s.json().isNull() ? null : s.stringOrDigits();
    }

    String member(Node n) throws InvalidScenarioException {
        Node m = n.req("member");
        String key = m.string();
        if (!members.contains(key)) {
            throw m.error("no member with key \"" + key + "\" in \"households\"");
        }
        return key;
    }

    Optional<String> householdRef(Node n) throws InvalidScenarioException {
        Optional<Node> h = n.optNonNull("household");
        if (h.isEmpty()) {
            return Optional.empty();
        }
        String symbol = h.get().stringOrDigits();
        if (!households.contains(symbol)) {
            throw h.get().error("no household with symbolNumber \"" + symbol + "\" in \"households\"");
        }
        return Optional.of(symbol);
    }

    /** A required {@code household}: the symbol number of a household of the scenario. */
    String household(Node n) throws InvalidScenarioException {
        Node h = n.req("household");
        String symbol = h.stringOrDigits();
        if (!households.contains(symbol)) {
            throw h.error("no household with symbolNumber \"" + symbol + "\" in \"households\"");
        }
        return symbol;
    }

    String slotRef(Node n) throws InvalidScenarioException {
        Node s = n.req("slot");
        String key = s.string();
        if (!slots.contains(key)) {
            throw s.error("no slot with key \"" + key + "\" in \"slots\"");
        }
        return key;
    }

    String reservationRef(Node n) throws InvalidScenarioException {
        Node r = n.req("reservation");
        String name = r.string();
        if (!reservationNames.contains(name)) {
            throw r.error("no earlier step names a reservation \"" + name + "\" with \"as\"");
        }
        return name;
    }

    /** The reservation name {@code as} gives, which later steps may then use. */
    Optional<String> as(Node n) throws InvalidScenarioException {
        Optional<Node> a = n.optNonNull("as");
        if (a.isEmpty()) {
            return Optional.empty();
        }
        String name = a.get().nonBlank();
        reservationNames.add(name);
        return Optional.of(name);
    }

    static Optional<String> staff(Node n) throws InvalidScenarioException {
        Optional<Node> s = n.optNonNull("staff");
        return s.isPresent() ? Optional.of(s.get().string()) : Optional.empty();
    }

    /** {@code confirm} if given, else the value it confirms. */
    static String confirm(Node n, String confirmed) throws InvalidScenarioException {
        return n.opt("confirm").isPresent() ? n.req("confirm").stringOrNull() : confirmed;
    }
}
