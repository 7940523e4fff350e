package io.github.kenshinbooking.testkit.scenario;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.account.Account;
import io.github.kenshinbooking.account.EmailAddress;
import io.github.kenshinbooking.HouseholdSession;
import io.github.kenshinbooking.LoginResult;
import io.github.kenshinbooking.account.PasswordHasher;
import io.github.kenshinbooking.account.Pbkdf2PasswordHasher;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.mail.CapturingMailSender;
import io.github.kenshinbooking.mail.MailMessage;
import io.github.kenshinbooking.mail.MailRenderer;
import io.github.kenshinbooking.mail.OutboxRelay;
import io.github.kenshinbooking.mail.RelayPolicy;
import io.github.kenshinbooking.memory.InMemoryHouseholdDirectory;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.ReservationId;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotId;
import io.github.kenshinbooking.storage.Storage;
import io.github.kenshinbooking.testkit.scenario.Fixtures.HouseholdFixture;
import io.github.kenshinbooking.testkit.scenario.Fixtures.MemberFixture;
import io.github.kenshinbooking.testkit.scenario.Fixtures.SlotFixture;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.threeten.extra.MutableClock;

/**
 * The state of one scenario run: the engine on a fresh store, the clock, the mailbox, the
 * household sessions and current passwords, and the names given to reservations. Internal; used
 * by one thread.
 */
final class ScenarioContext {
    /** Scenarios are not about hashing cost: a low PBKDF2 cost keeps runs fast. */
    static final int PBKDF2_ITERATIONS = 1_000;
    /** Guards against a relay that never runs dry. */
    private static final int MAX_DRAIN_ROUNDS = 1_000;

    private final KenshinBooking engine;
    private final MutableClock clock;
    private final CapturingMailSender mailbox = new CapturingMailSender();
    private final OutboxRelay relay;
    private final Map<String, HouseholdFixture> households = new HashMap<>();
    private final Map<String, MemberFixture> members = new HashMap<>();
    private final Map<String, SlotId> slots = new HashMap<>();
    private final Map<String, HouseholdSession> sessions = new HashMap<>();
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, String> passwords = new HashMap<>();
    private final Map<String, ReservationId> names = new HashMap<>();
    private final Map<ReservationId, String> firstNames = new HashMap<>();
    private final Map<ReservationId, String> owners = new HashMap<>();
    private final Map<String, String> attemptedOwners = new HashMap<>();

    private ScenarioContext(KenshinBooking engine, MutableClock clock) {
        this.engine = engine;
        this.clock = clock;
        this.relay = new OutboxRelay(engine.storage().outbox(), MailRenderer.withDefaults(engine.policy()), mailbox,
                clock, RelayPolicy.defaults());
    }

    /** Builds the engine on a fresh store and puts the scenario's households, accounts and slots in. */
    static ScenarioContext start(Scenario s, StorageFactory factory) throws Refusal {
        MutableClock clock = MutableClock.of(s.start(), s.policy().zone());
        Storage storage = factory.fresh();
        if (storage == null) {
            throw new IllegalStateException("the storage factory returned null");
        }
        InMemoryHouseholdDirectory directory = new InMemoryHouseholdDirectory();
        s.households().forEach(h -> directory.put(h.household()));
        PasswordHasher hasher = Pbkdf2PasswordHasher.insecureForTests(PBKDF2_ITERATIONS);
        KenshinBooking engine = KenshinBooking.builder().policy(s.policy()).clock(clock).storage(storage)
                .directory(directory).passwordHasher(hasher).courses(s.courses()).build();
        ScenarioContext c = new ScenarioContext(engine, clock);
        s.members().forEach(m -> c.members.put(m.key(), m));
        for (HouseholdFixture h : s.households()) {
            c.households.put(h.symbol(), h);
            c.passwords.put(h.symbol(),
                    h.password().orElseGet(() -> engine.passwords().initialPassword(h.household().representative())));
            if (h.password().isPresent() || h.email().isPresent()) {
                Account account = new Account(h.household().symbolNumber(), h.password().map(hasher::hash),
                        h.email().map(EmailAddress::new));
                storage.unitOfWork().execute(() -> {
                    storage.accounts().save(account);
                    return null;
                });
            }
        }
        for (SlotFixture f : s.slots()) {
            Slot slot = engine.schedule().addSlot(f.spec());
            c.slots.put(f.key(), slot.id());
        }
        c.drainMail();
        return c;
    }

    KenshinBooking engine() {
        return engine;
    }

    MutableClock clock() {
        return clock;
    }

    CapturingMailSender mailbox() {
        return mailbox;
    }

    MemberFixture member(String key) {
        MemberFixture m = members.get(key);
        if (m == null) {
            throw new IllegalStateException("unknown member " + key); // the parser checked references
        }
        return m;
    }

    SlotId slot(String key) {
        SlotId id = slots.get(key);
        if (id == null) {
            throw new IllegalStateException("unknown slot " + key);
        }
        return id;
    }

    /** The key of a slot of the scenario, or its id as {@code #ID} for a slot the fixtures did not name. */
    String slotKey(SlotId id) {
        return slots.entrySet().stream().filter(e -> e.getValue().equals(id)).map(Map.Entry::getKey).findFirst()
                .orElse("#" + id.value());
    }

    /**
     * The household's session, logging in first if it has none, with its current password. A
     * refusal of that login is the step's outcome.
     */
    HouseholdSession session(String symbol) throws Refusal {
        HouseholdSession s = sessions.get(symbol);
        if (s != null) {
            return s;
        }
        HouseholdFixture h = households.get(symbol);
        if (h == null) {
            throw new IllegalStateException("unknown household " + symbol);
        }
        LoginResult r = engine.logins().login(symbol, h.household().representative().kana().value(),
                passwords.get(symbol));
        sessions.put(symbol, r.session());
        tokens.put(symbol, r.token().value());
        return r.session();
    }

    /** The session a member's action uses: {@code household}'s if given, else the member's own. */
    HouseholdSession sessionFor(String memberKey, Optional<String> household) throws Refusal {
        return session(household.orElseGet(() -> member(memberKey).household()));
    }

    /** A successful login step: this session becomes the household's, and its password the current one. */
    void loggedIn(LoginResult r, String password) {
        String symbol = r.session().household().value();
        sessions.put(symbol, r.session());
        tokens.put(symbol, r.token().value());
        if (households.containsKey(symbol)) {
            passwords.put(symbol, password);
        }
    }

    /** The token of the household's last login, explicit or lazy (SES-1), if it logged in. */
    Optional<String> token(String symbol) {
        return Optional.ofNullable(tokens.get(symbol));
    }

    /** A resumed session becomes the household's session. */
    void resumed(String symbol, HouseholdSession s) {
        sessions.put(symbol, s);
    }

    /**
     * The household's session ended (logout, or a resume answered SESSION_EXPIRED): later steps
     * log in again, as a user sent back to the login page would. The token is kept, so a later
     * {@code resume} shows that it stays ended.
     */
    void sessionEnded(String symbol) {
        sessions.remove(symbol);
    }

    /** A password change or reset took effect: later lazy logins use it. */
    void passwordChanged(SymbolNumber household, String password) {
        passwords.put(household.value(), password);
    }

    /** Remembers which household tried to create the reservation {@code name}, even if refused. */
    void attempting(String name, String household) {
        attemptedOwners.put(name, household);
    }

    /** Gives a reservation a name; an ID that already has one keeps showing its first name. */
    void bind(String name, Reservation r) {
        names.put(name, r.id());
        firstNames.putIfAbsent(r.id(), name);
        owners.put(r.id(), r.household().value());
    }

    Optional<ReservationId> reservation(String name) {
        return Optional.ofNullable(names.get(name));
    }

    /** The household a named reservation belongs to, or that tried to book it. */
    String ownerOf(String name) {
        ReservationId id = names.get(name);
        String owner = id == null ? null : owners.get(id);
        if (owner == null) {
            owner = attemptedOwners.get(name);
        }
        if (owner == null) {
            throw new IllegalStateException("no household known for reservation " + name);
        }
        return owner;
    }

    /** How lists show a reservation: its first name, or {@code #ID} if the scenario did not name it. */
    String displayName(ReservationId id) {
        String n = firstNames.get(id);
        return n != null ? n : "#" + id.value();
    }

    /** Mails delivered so far to that address (domain case-insensitive), of one kind or all. */
    long mailCount(String to, Optional<NotificationKind> kind) {
        return delivered(to, kind).size();
    }

    List<MailMessage> delivered(String to, Optional<NotificationKind> kind) {
        return mailbox.messages().stream().filter(m -> sameMailbox(m.to(), to))
                .filter(m -> kind.isEmpty() || m.kind() == kind.get()).toList();
    }

    /** Sends everything the outbox holds and is due, through the real rendering. */
    void drainMail() {
        for (int i = 0; i < MAX_DRAIN_ROUNDS; i++) {
            if (relay.drain() == 0) {
                return;
            }
        }
        throw new IllegalStateException("the outbox relay did not run dry after " + MAX_DRAIN_ROUNDS + " rounds");
    }

    static boolean sameMailbox(String a, String b) {
        int i = a.lastIndexOf('@');
        int j = b.lastIndexOf('@');
        if (i < 0 || j < 0) {
            return a.equals(b);
        }
        return a.substring(0, i).equals(b.substring(0, j)) && a.substring(i).equalsIgnoreCase(b.substring(j));
    }
}
