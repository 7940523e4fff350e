package io.github.kenshinbooking.jdbc;

import java.time.Duration;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * Model-based test: random chains of actions (book and change with optional tests, OPT-1..OPT-3; cancel, staff cancel, cancel an event
 * day, move the clock, change the union's change/cancel deadline days, log in, run reminders, join and
 * leave a waiting list, accept or decline an offer, run the waiting-list job) against the JDBC adapter and the in-memory adapter
 * side by side; after every action both give the same outcome and the same observable state. A
 * divergence shrinks to a minimal chain. The state compared includes every reservation's promised
 * deadlines (CHG-1, CNL-1), so they round-trip through the database across policy changes. One
 * subclass per database.
 */
abstract class ModelProperties {

    /** The database of the concrete class; each chain starts from emptied tables and ids from 1. */
    abstract TestDatabase database();

    @Property(tries = 30)
    void jdbcBehavesLikeMemory(@ForAll("chains") ActionChain<Worlds> chain) {
        chain.withInvariant("same state", Worlds::assertSameState).run();
    }

    /** The same, with chains that mostly fill slots, free places and use the waiting list (WAIT-1..WAIT-4). */
    @Property(tries = 30)
    void waitingListBehavesLikeMemory(@ForAll("waitingChains") ActionChain<Worlds> chain) {
        chain.withInvariant("same state", Worlds::assertSameState).run();
    }

    @Provide
    Arbitrary<ActionChain<Worlds>> waitingChains() {
        // mostly the slots of one place (1 and 3, in two fiscal years): full after one booking
        Arbitrary<Integer> small = Arbitraries.frequency(Tuple.of(4, 1), Tuple.of(4, 3), Tuple.of(1, 0), Tuple.of(1, 2));
        return ActionChain.<Worlds>startWith(() -> new Worlds(database().reset(true)))
                .withAction(4, book(small))
                .withAction(3, cancel())
                .withAction(1, staffCancel())
                .withAction(1, change())
                .withAction(5, join(small))
                .withAction(1, leave())
                .withAction(4, answer())
                .withAction(1, waitingListJob())
                .withAction(2, advanceClock())
                .withMaxTransformations(40);
    }

    @Provide
    Arbitrary<ActionChain<Worlds>> chains() {
        return ActionChain.<Worlds>startWith(() -> new Worlds(database().reset(true)))
                .withAction(6, book())
                .withAction(3, change())
                .withAction(2, cancel())
                .withAction(1, staffCancel())
                .withAction(1, cancelEventDay())
                .withAction(2, advanceClock())
                .withAction(1, changeDeadlines())
                .withAction(2, login())
                .withAction(1, reminders())
                .withAction(3, join())
                .withAction(1, leave())
                .withAction(2, answer())
                .withAction(1, waitingListJob())
                .withMaxTransformations(40);
    }

    private static Arbitrary<Integer> members() {
        return Arbitraries.integers().between(0, Worlds.MEMBERS.size() - 1);
    }

    private static Arbitrary<Integer> slots() {
        return Arbitraries.integers().between(0, Worlds.SLOTS.size() - 1);
    }

    /** An index of {@link Worlds#CHOICES}: mostly no optional test. */
    private static Arbitrary<Integer> choices() {
        return Arbitraries.frequency(Tuple.of(4, 0), Tuple.of(2, 1), Tuple.of(1, 2), Tuple.of(1, 3), Tuple.of(1, 4));
    }

    private static Arbitrary<Integer> reservationPicks() {
        return Arbitraries.integers().between(0, 9);
    }

    /** -1: the household's own session (mostly); else the session of household 0..2 (HIST-2, FORBIDDEN). */
    private static Arbitrary<Integer> sessions() {
        return Arbitraries.frequency(Tuple.of(8, -1), Tuple.of(1, 0), Tuple.of(1, 1), Tuple.of(1, 2));
    }

    private static Action.Independent<Worlds> book() {
        return book(slots());
    }

    private static Action.Independent<Worlds> book(Arbitrary<Integer> slots) {
        Arbitrary<Optional<String>> keys = Arbitraries.of("k1", "k2").optional(0.4);
        return () -> Combinators.combine(members(), slots(), keys, sessions(), choices()).as((m, s, k, who, o) ->
                Transformer.mutate("book(member " + m + ", slot " + s + ", key " + k.orElse("-") + ", session " + who
                        + ", options " + o + ")", w -> w.book(m, s, k, who, o)));
    }

    private static Action.Independent<Worlds> change() {
        return () -> Combinators.combine(reservationPicks(), slots(), Arbitraries.of(true, false), sessions(),
                Arbitraries.frequency(Tuple.of(3, -1), Tuple.of(2, 0), Tuple.of(1, 1), Tuple.of(1, 2), Tuple.of(1, 3),
                        Tuple.of(1, 4))).as((r, s, phone, who, o) -> Transformer.mutate(
                        "change(reservation #" + r + ", slot " + s + ", new phone " + phone + ", session " + who
                                + ", options " + o + ")", w -> w.change(r, s, phone, who, o)));
    }

    private static Action.Independent<Worlds> cancel() {
        return () -> Combinators.combine(reservationPicks(), sessions()).as((r, who) -> Transformer.mutate(
                "cancel(reservation #" + r + ", session " + who + ")", w -> w.cancel(r, who)));
    }

    private static Action.Independent<Worlds> staffCancel() {
        return () -> reservationPicks().map(r -> Transformer.mutate("staff cancel(reservation #" + r + ")",
                w -> w.staffCancel(r)));
    }

    private static Action.Independent<Worlds> cancelEventDay() {
        return () -> slots().map(s -> Transformer.mutate("cancel event day of slot " + s, w -> w.cancelEventDay(s)));
    }

    private static Action.Independent<Worlds> advanceClock() {
        return () -> Arbitraries.of(Duration.ofMinutes(31), Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(4))
                .map(d -> Transformer.mutate("clock + " + d, w -> w.advance(d)));
    }

    private static Action.Independent<Worlds> changeDeadlines() {
        return () -> Combinators.combine(Arbitraries.integers().between(0, 40), Arbitraries.integers().between(0, 20))
                .as((change, cancel) -> Transformer.mutate("deadline days: change " + change + ", cancel " + cancel,
                        w -> w.changeDeadlines(change, cancel)));
    }

    private static Action.Independent<Worlds> login() {
        return () -> Combinators.combine(Arbitraries.integers().between(0, Worlds.HOUSEHOLDS.size() - 1),
                Arbitraries.of(true, false, false)).as((h, ok) -> Transformer.mutate(
                        "login(household " + h + ", " + (ok ? "right" : "wrong") + " password)", w -> w.login(h, ok)));
    }

    private static Action.Independent<Worlds> reminders() {
        return () -> Arbitraries.just(Transformer.mutate("run reminders", Worlds::reminders));
    }

    private static Action.Independent<Worlds> join() {
        return join(slots());
    }

    private static Action.Independent<Worlds> join(Arbitrary<Integer> slots) {
        return () -> Combinators.combine(members(), slots, sessions(), choices()).as((m, s, who, o) -> Transformer.mutate(
                "join waiting list(member " + m + ", slot " + s + ", session " + who + ", options " + o + ")",
                w -> w.join(m, s, who, o)));
    }

    private static Action.Independent<Worlds> leave() {
        return () -> Combinators.combine(members(), slots()).as((m, s) -> Transformer.mutate(
                "leave waiting list(member " + m + ", slot " + s + ")", w -> w.leave(m, s)));
    }

    private static Action.Independent<Worlds> answer() {
        return () -> Combinators.combine(members(), Arbitraries.of(true, true, false)).as((m, accept) ->
                Transformer.mutate((accept ? "accept" : "decline") + " offer(member " + m + ")",
                        w -> w.answer(m, accept)));
    }

    private static Action.Independent<Worlds> waitingListJob() {
        return () -> Arbitraries.just(Transformer.mutate("run waiting-list job", Worlds::waitingListJob));
    }
}
