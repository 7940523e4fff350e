package io.github.kenshinbooking.bench;

import io.github.kenshinbooking.account.PasswordHash;
import io.github.kenshinbooking.account.PasswordHasher;
import io.github.kenshinbooking.account.Pbkdf2PasswordHasher;
import io.github.kenshinbooking.policy.UnionPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The rush at reception opening, end to end over HTTP: every household of the reference site's rush data
 * ({@code kenshin.web.demo.rush.*}) opens the login page, logs in and books as a browser without JavaScript
 * does (its own cookies, the CSRF token of each form, redirects followed), all at the moment reception opens.
 * Reports households booked per second against the limit password hashing sets on this machine (cores ÷
 * the time of one verification, measured in the same run), page latency, and whether the slots filled
 * exactly. Then an overload: logins arrive at twice that limit while households already logged in keep
 * browsing and confirming, and it reports the busy pages, the logins' wait and the logged-in pages' latency
 * before and during. Run it with {@code bench/rush.sh}, which starts the site.
 *
 * <pre>
 * java -cp bench/target/kenshin-booking-bench.jar io.github.kenshinbooking.bench.SiteRush --url URL
 *     --households N --places P --slots S --date YYYY-MM-DD --opens-at INSTANT [--site-pid PID]
 *     [--overload-seconds 20] [--browsers 16]
 * </pre>
 */
public final class SiteRush {
    /** The rush data's constants, as the site's {@code WebProperties.Rush} defines them. */
    static final int FIRST_SYMBOL_NUMBER = 3_000_001;
    static final String PASSWORD = "rush2024pass";
    static final String KANA = "ﾗｯｼｭ ﾀﾛｳ";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern BOOK_LINK = Pattern.compile("href=\"(/m/[^/]+/book\\?slot=(\\d+))\">\\s*<span>残り(\\d+)名");
    private static final Pattern SLOT_ROW = Pattern.compile("<td>(\\d\\d:\\d\\d) ~</td>\\s*<td>\\s*(.*?)</td>", Pattern.DOTALL);
    private static final Pattern RESERVATION_ID = Pattern.compile("id=\"reservation-id\">(\\d+)<");
    private static final Pattern IDEMPOTENCY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(4, daemon("http")))
            .build();
    private final String base;
    private final Duration timeout = Duration.ofSeconds(30);
    private final AtomicInteger timeouts = new AtomicInteger();
    private final AtomicInteger serverErrors = new AtomicInteger();

    private SiteRush(String base) {
        this.base = base;
    }

    /**
     * Runs the rush and the overload and prints the figures.
     *
     * @param args see the class comment
     * @throws Exception on a failure of the tool itself
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> a = options(args);
        SiteRush rush = new SiteRush(a.getOrDefault("url", "http://127.0.0.1:8089"));
        int households = Integer.parseInt(a.getOrDefault("households", "300"));
        int places = Integer.parseInt(a.getOrDefault("places", Integer.toString(households * 2 / 3)));
        int slots = Integer.parseInt(a.getOrDefault("slots", "10"));
        LocalDate date = LocalDate.parse(a.get("date"));
        Instant opensAt = Instant.parse(a.get("opens-at"));
        long sitePid = Long.parseLong(a.getOrDefault("site-pid", "0"));
        int overloadSeconds = Integer.parseInt(a.getOrDefault("overload-seconds", "20"));
        int browsers = Integer.parseInt(a.getOrDefault("browsers", "16"));
        boolean ok = rush.run(households, places, slots, date, opensAt, sitePid, overloadSeconds, browsers);
        System.exit(ok ? 0 : 1);
    }

    private boolean run(int households, int places, int slots, LocalDate date, Instant opensAt, long sitePid,
            int overloadSeconds, int browsers) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        Hashing hashing = new Hashing(cores);
        hashing.warmUp(Duration.ofSeconds(4)); // while the site starts: the JIT compiles the hash loop
        awaitSite();

        // 1. the rush: everyone at the opening
        List<Household> all = new ArrayList<>();
        for (int i = 0; i < households; i++) {
            all.add(new Household(Integer.toString(FIRST_SYMBOL_NUMBER + i)));
        }
        ConcurrentHistogram loginLatency = histogram();
        ConcurrentHistogram pageLatency = histogram();
        Set<Long> reservationIds = ConcurrentHashMap.newKeySet();
        AtomicInteger busyPages = new AtomicInteger();
        AtomicInteger fullAnswers = new AtomicInteger();
        AtomicLong lastBooking = new AtomicLong();
        ConcurrentHistogram loggedInToBooked = histogram();
        List<Long> loginsDone = java.util.Collections.synchronizedList(new ArrayList<>());
        warmUp(all, date, opensAt, browsers);
        // measured on a warm JIT while the site idles before the opening: every core hashing at once
        double verifyMs = hashing.millisPerVerificationPerCore(Duration.ofSeconds(3));
        double limit = cores / (verifyMs / 1000.0);
        System.out.printf("hashing limit: %d cores hashing at once, %.1f ms per PBKDF2 verification (%d iterations)"
                + " = %.1f logins/s%n", cores, verifyMs, UnionPolicy.defaults().passwords().pbkdf2Iterations(), limit);
        long waitMillis = Duration.between(Instant.now(), opensAt).toMillis();
        System.out.printf("%d households, %d places in %d slots on %s; reception opens in %.1f s%n",
                households, places, slots, date, waitMillis / 1000.0);
        if (waitMillis > 0) {
            Thread.sleep(waitMillis);
        }
        ThreadMonitor threads = ThreadMonitor.start(sitePid);
        Cpu cpuBefore = Cpu.read(sitePid);
        long start = System.nanoTime();
        CountDownLatch done = new CountDownLatch(households);
        for (Household h : all) {
            Thread t = new Thread(() -> {
                try {
                    h.loginPatiently(this, loginLatency, pageLatency, busyPages);
                    long loggedIn = System.nanoTime();
                    loginsDone.add(loggedIn);
                    OptionalBooking booked = h.bookAny(this, date, pageLatency, fullAnswers);
                    if (booked.id > 0) {
                        loggedInToBooked.recordValue((System.nanoTime() - loggedIn) / 1000);
                        if (!reservationIds.add(booked.id)) {
                            throw new IllegalStateException("reservation ID shown twice: " + booked.id);
                        }
                        lastBooking.accumulateAndGet(System.nanoTime(), Math::max);
                    }
                } catch (Exception e) {
                    System.out.println("household " + h.symbol + " failed: " + e);
                } finally {
                    done.countDown();
                }
            }, "household-" + h.symbol);
            t.setDaemon(true);
            t.start();
        }
        done.await();
        long end = System.nanoTime();
        Cpu cpu = Cpu.read(sitePid).minus(cpuBefore);
        int siteThreadsMax = threads.stop();
        int booked = reservationIds.size();
        double bookedSeconds = (lastBooking.get() - start) / 1e9;
        double perSecond = booked / bookedSeconds;
        Map<String, Integer> remaining = remaining(all.get(0), date);
        boolean filled = booked == places && remaining.values().stream().allMatch(r -> r == 0);
        System.out.println();
        System.out.println("== rush at reception opening ==");
        System.out.printf("households booked: %d of %d places (%d households turned away with 満員 after the slots filled)%n",
                booked, places, fullAnswers.get());
        System.out.printf("booked/s: %.2f (%d bookings, first request to last booking %.1f s; all households done after %.1f s)%n",
                perSecond, booked, bookedSeconds, (end - start) / 1e9);
        System.out.printf("ratio to the hashing limit: %.2f (%.2f / %.1f)%n", perSecond / limit, perSecond, limit);
        System.out.printf("login POST latency ms (gate wait + verification): p50 %.0f  p99 %.0f  max %.0f; busy pages (503): %d%n",
                ms(loginLatency, 50), ms(loginLatency, 99), loginLatency.getMaxValue() / 1000.0, busyPages.get());
        System.out.printf("other pages latency ms: p50 %.1f  p99 %.1f  max %.1f  (%d requests)%n",
                ms(pageLatency, 50), ms(pageLatency, 99), pageLatency.getMaxValue() / 1000.0,
                pageLatency.getTotalCount());
        long loginsByLastBooking = loginsDone.stream().filter(t -> t <= lastBooking.get()).count();
        System.out.printf("logged in → booked ms (member page to 予約ID): p50 %.0f  p99 %.0f  max %.0f;"
                + " logins done by the last booking: %d%n", ms(loggedInToBooked, 50), ms(loggedInToBooked, 99),
                loggedInToBooked.getMaxValue() / 1000.0, loginsByLastBooking);
        int[] doneEachSecond = new int[(int) ((end - start) / 1_000_000_000L) + 1];
        for (long t : loginsDone) {
            doneEachSecond[(int) ((t - start) / 1_000_000_000L)]++;
        }
        System.out.printf("logins done per second of the rush: %s%n", java.util.Arrays.toString(doneEachSecond));
        System.out.printf("slots afterwards (残り per time): %s%n", remaining);
        System.out.printf("cpu: %s%n", cpu);
        System.out.printf("filled exactly: %s; server errors (5xx other than busy): %d; client time-outs: %d; site threads max %s%n",
                filled ? "yes" : "NO", serverErrors.get(), timeouts.get(), siteThreadsMax > 0 ? siteThreadsMax : "n/a");

        // 2. overload: logins at twice the limit while logged-in households keep using the site
        boolean overloadOk = overload(all, date, limit, overloadSeconds, browsers, sitePid);
        return filled && serverErrors.get() == 0 && timeouts.get() == 0 && overloadOk;
    }

    /**
     * A site that has run for a while, not one just started: the households of the overload log in, book a place
     * on the day after the rush's (its reception is open) and cancel it, browse the rush's day (not open yet:
     * their confirmations are refused), and log in again, until five seconds before the opening; so that the JIT
     * has compiled the code of every page of the rush before it is measured.
     */
    private void warmUp(List<Household> all, LocalDate date, Instant opensAt, int browsers) throws Exception {
        Instant until = opensAt.minusSeconds(5);
        if (Instant.now().isAfter(until)) {
            return;
        }
        List<Thread> warming = new ArrayList<>();
        for (int i = 0; i < browsers; i++) {
            Household h = new Household(all.get(all.size() - 1 - i).symbol);
            Thread t = new Thread(() -> {
                try {
                    while (Instant.now().isBefore(until)) {
                        h.cookies.clear();
                        h.loginPatiently(this, histogram(), histogram(), new AtomicInteger());
                        // the whole way once, on the day after the rush's (open already): book, then cancel
                        OptionalBooking booked = h.bookAny(this, date.plusDays(1), histogram(), new AtomicInteger());
                        if (booked.id > 0) {
                            h.cancel(this, booked.id, histogram());
                        }
                        for (int k = 0; k < 3 && Instant.now().isBefore(until); k++) {
                            h.browse(this, date, histogram());
                        }
                    }
                } catch (Exception e) {
                    System.out.println("warm-up failed: " + e);
                }
            }, "warm-up-" + i);
            t.setDaemon(true);
            t.start();
            warming.add(t);
        }
        for (Thread t : warming) {
            t.join();
        }
        System.out.printf("warmed up: %d households logged in and browsed until 5 s before the opening%n", browsers);
    }

    private boolean overload(List<Household> all, LocalDate date, double limit, int seconds, int browsers,
            long sitePid) throws Exception {
        List<Household> logged = new ArrayList<>();
        for (int i = 0; i < browsers; i++) {
            Household h = new Household(all.get(i).symbol);
            h.loginPatiently(this, histogram(), histogram(), new AtomicInteger());
            logged.add(h);
        }
        ConcurrentHistogram before = histogram();
        ConcurrentHistogram during = histogram();
        AtomicBoolean overloaded = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> browsing = new ArrayList<>();
        for (Household h : logged) {
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        h.browse(this, date, overloaded.get() ? during : before);
                        Thread.sleep(1000); // reading the page
                    } catch (Exception e) {
                        System.out.println("browsing failed: " + e);
                    }
                }
            }, "browser-" + h.symbol);
            t.setDaemon(true);
            t.start();
            browsing.add(t);
        }
        Thread.sleep(seconds * 1000L / 2); // the logged-in households' normal latency
        overloaded.set(true);
        ThreadMonitor threads = ThreadMonitor.start(sitePid);
        Cpu cpuBefore = Cpu.read(sitePid);
        double rate = 2 * limit;
        ConcurrentHistogram timeToLogin = histogram();
        ConcurrentHistogram loginPost = histogram();
        AtomicInteger busy = new AtomicInteger();
        AtomicInteger loggedIn = new AtomicInteger();
        ExecutorService arrivals = Executors.newCachedThreadPool(daemon("arrival"));
        long start = System.nanoTime();
        long intervalNanos = (long) (1e9 / rate);
        int arrived = 0;
        for (long next = start; next < start + seconds * 1_000_000_000L; next += intervalNanos) {
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                TimeUnit.NANOSECONDS.sleep(sleep);
            }
            Household h = new Household(all.get(browsers + arrived % (all.size() - browsers)).symbol);
            arrived++;
            arrivals.execute(() -> {
                long t0 = System.nanoTime();
                try {
                    h.loginPatiently(this, loginPost, histogram(), busy);
                    timeToLogin.recordValue((System.nanoTime() - t0) / 1000);
                    loggedIn.incrementAndGet();
                } catch (Exception e) {
                    System.out.println("arrival failed: " + e);
                }
            });
        }
        long arrivalsEnd = System.nanoTime();
        arrivals.shutdown();
        arrivals.awaitTermination(10, TimeUnit.MINUTES);
        double loginSeconds = (System.nanoTime() - start) / 1e9;
        Cpu cpu = Cpu.read(sitePid).minus(cpuBefore);
        stop.set(true);
        for (Thread t : browsing) {
            t.join();
        }
        int siteThreadsMax = threads.stop();
        System.out.println();
        System.out.printf("== overload: logins arriving at %.1f/s (2 × the hashing limit) for %d s, %d households browsing ==%n",
                rate, seconds, browsers);
        System.out.printf("arrivals: %d in %.1f s; all logged in after %.1f s (%.2f logins/s = %.2f of the limit)%n",
                arrived, (arrivalsEnd - start) / 1e9, loginSeconds, loggedIn.get() / loginSeconds,
                loggedIn.get() / loginSeconds / limit);
        System.out.printf("busy pages (503 + Retry-After): %d; login POST ms p50 %.0f p99 %.0f max %.0f; "
                + "arrival to logged in ms p50 %.0f p99 %.0f max %.0f%n", busy.get(), ms(loginPost, 50),
                ms(loginPost, 99), loginPost.getMaxValue() / 1000.0, ms(timeToLogin, 50), ms(timeToLogin, 99),
                timeToLogin.getMaxValue() / 1000.0);
        System.out.printf("logged-in pages (calendar, slot times, booking input, confirm) ms: before p50 %.1f p99 %.1f (%d); "
                + "during p50 %.1f p99 %.1f (%d)%n", ms(before, 50), ms(before, 99), before.getTotalCount(),
                ms(during, 50), ms(during, 99), during.getTotalCount());
        System.out.printf("cpu: %s%n", cpu);
        System.out.printf("server errors: %d; client time-outs: %d; site threads max during overload: %s%n",
                serverErrors.get(), timeouts.get(), siteThreadsMax > 0 ? siteThreadsMax : "n/a");
        return loggedIn.get() == arrived;
    }

    /** One household's browser: its cookies and the member it books for. */
    private static final class Household {
        final String symbol;
        final Map<String, String> cookies = new ConcurrentHashMap<>();
        String member;

        Household(String symbol) {
            this.symbol = symbol;
        }

        /** Logs in, coming back after the busy page's Retry-After as often as it takes. */
        void loginPatiently(SiteRush site, Histogram loginLatency, Histogram pages, AtomicInteger busy)
                throws IOException, InterruptedException {
            Page form = site.get(this, "/login", pages);
            while (true) {
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("_csrf", form.csrf());
                fields.put("symbolNumber", symbol);
                fields.put("kana", KANA);
                fields.put("password", PASSWORD);
                form.optionalField("ticket").ifPresent(t -> fields.put("ticket", t)); // the busy page's place in line
                Page answer = site.post(this, "/login", fields, loginLatency);
                if (answer.status == 302) {
                    Page members = site.get(this, answer.location(), pages);
                    Matcher m = Pattern.compile("value=\"(" + symbol + "-\\d\\d)\"").matcher(members.body);
                    if (!m.find()) {
                        throw new IllegalStateException("no member on " + members.body);
                    }
                    member = m.group(1);
                    return;
                }
                if (answer.status == 503) {
                    // as a household would: wait as the busy page says, then send its form again
                    busy.incrementAndGet();
                    String retry = answer.response.headers().firstValue("Retry-After").orElse("1");
                    Thread.sleep(Long.parseLong(retry) * 1000L);
                    form = answer;
                    continue;
                }
                int error = answer.body.indexOf("error");
                String said = error < 0 ? "" : answer.body.substring(error, Math.min(answer.body.length(), error + 600))
                        .replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ");
                throw new IllegalStateException("login answered " + answer.status + ": " + said);
            }
        }

        /** Books a place at any time of the day with room; stops when none is left. */
        OptionalBooking bookAny(SiteRush site, LocalDate date, Histogram pages, AtomicInteger full)
                throws IOException, InterruptedException {
            while (true) {
                Page day = site.get(this, "/m/" + member + "/day/" + date, pages);
                List<String> links = new ArrayList<>();
                Matcher m = BOOK_LINK.matcher(day.body);
                while (m.find()) {
                    links.add(m.group(1));
                }
                if (links.isEmpty()) {
                    full.incrementAndGet();
                    return new OptionalBooking(0);
                }
                Page input = site.get(this, links.get(ThreadLocalRandom.current().nextInt(links.size())), pages);
                String slot = input.field("slot");
                Page confirm = site.post(this, "/m/" + member + "/book/confirm",
                        Map.of("_csrf", input.csrf(), "slot", slot, "phone", "090-1234-5678", "acceptTerms", "true"),
                        pages);
                Matcher key = IDEMPOTENCY.matcher(confirm.body);
                if (!key.find()) {
                    continue; // refused at confirmation (full meanwhile): back to the slot times
                }
                Page answer = site.post(this, "/m/" + member + "/book", Map.of("_csrf", confirm.csrf(), "slot", slot,
                        "phone", "090-1234-5678", "acceptTerms", "true", "idempotencyKey", key.group(1)), pages);
                if (answer.status != 302) {
                    continue; // SLOT_FULL: the form again, with the message
                }
                Page done = site.get(this, answer.location(), pages);
                Matcher id = RESERVATION_ID.matcher(done.body);
                if (!id.find()) {
                    throw new IllegalStateException("no 予約ID on the completion page");
                }
                return new OptionalBooking(Long.parseLong(id.group(1)));
            }
        }

        /** 予約詳細 → 予約キャンセル → はい → the cancelled page. */
        void cancel(SiteRush site, long id, Histogram pages) throws IOException, InterruptedException {
            String reservation = "/m/" + member + "/reservations/" + id;
            site.get(this, reservation, pages);
            Page confirm = site.get(this, reservation + "/cancel", pages);
            Page answer = site.post(this, reservation + "/cancel", Map.of("_csrf", confirm.csrf()), pages);
            if (answer.status != 302) {
                throw new IllegalStateException("cancel answered " + answer.status);
            }
            site.get(this, answer.location(), pages);
        }

        /** What a logged-in household does while it chooses: calendar, slot times, booking input, confirm. */
        void browse(SiteRush site, LocalDate date, Histogram pages) throws IOException, InterruptedException {
            site.get(this, "/m/" + member + "/calendar?month=" + date.toString().substring(0, 7), pages);
            Page day = site.get(this, "/m/" + member + "/day/" + date, pages);
            Matcher slot = Pattern.compile("slot=(\\d+)").matcher(day.body);
            String id = slot.find() ? slot.group(1) : null;
            if (id != null) {
                Page input = site.get(this, "/m/" + member + "/book?slot=" + id, pages);
                site.post(this, "/m/" + member + "/book/confirm",
                        Map.of("_csrf", input.csrf(), "slot", id, "phone", "090-1234-5678", "acceptTerms", "true"),
                        pages);
            }
        }
    }

    private record OptionalBooking(long id) {}

    private record Page(HttpResponse<String> response, int status, String body) {
        String csrf() {
            Matcher m = CSRF.matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token on " + response.uri());
            }
            return m.group(1);
        }

        java.util.Optional<String> optionalField(String name) {
            Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(body);
            return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
        }

        String field(String name) {
            Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("no field " + name + " on " + response.uri());
            }
            return m.group(1);
        }

        String location() {
            URI to = URI.create(response.headers().firstValue("Location").orElseThrow());
            return to.getRawPath() + (to.getRawQuery() == null ? "" : "?" + to.getRawQuery());
        }
    }

    private Page get(Household h, String path, Histogram latency) throws IOException, InterruptedException {
        return send(h, HttpRequest.newBuilder(URI.create(base + path)).GET(), latency);
    }

    private Page post(Household h, String path, Map<String, String> fields, Histogram latency)
            throws IOException, InterruptedException {
        String form = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(h, HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), latency);
    }

    private Page send(Household h, HttpRequest.Builder request, Histogram latency)
            throws IOException, InterruptedException {
        if (!h.cookies.isEmpty()) {
            request.header("Cookie", h.cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        long t0 = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.net.http.HttpTimeoutException e) {
            timeouts.incrementAndGet();
            throw e;
        }
        latency.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
        for (String c : response.headers().allValues("Set-Cookie")) {
            String pair = c.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq);
            String value = pair.substring(eq + 1);
            if (value.isEmpty() || c.contains("Max-Age=0")) {
                h.cookies.remove(name);
            } else {
                h.cookies.put(name, value);
            }
        }
        if (response.statusCode() >= 500 && response.statusCode() != 503) {
            serverErrors.incrementAndGet();
        }
        if (response.statusCode() >= 400 && response.statusCode() != 503) {
            throw new IllegalStateException(response.statusCode() + " for " + response.uri());
        }
        return new Page(response, response.statusCode(), response.body());
    }

    /** The day's 残り per time, read from the slot-times page as a household sees it. */
    private Map<String, Integer> remaining(Household h, LocalDate date) throws IOException, InterruptedException {
        Page day = get(h, "/m/" + h.member + "/day/" + date, histogram());
        Map<String, Integer> remaining = new LinkedHashMap<>();
        Matcher row = SLOT_ROW.matcher(day.body);
        while (row.find()) {
            Matcher left = Pattern.compile("残り(\\d+)名").matcher(row.group(2));
            remaining.put(row.group(1), left.find() ? Integer.parseInt(left.group(1)) : 0);
        }
        return remaining;
    }

    private void awaitSite() throws InterruptedException {
        for (int i = 0; i < 240; i++) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the site did not answer at " + base);
    }

    /** The hashing limit: policy-default PBKDF2 verifications on every core at once. */
    private static final class Hashing {
        private final int cores;
        private final PasswordHasher hasher = new Pbkdf2PasswordHasher(UnionPolicy.defaults().passwords().pbkdf2Iterations());
        private final PasswordHash hash = hasher.hash(PASSWORD);

        Hashing(int cores) {
            this.cores = cores;
        }

        void warmUp(Duration time) throws InterruptedException {
            millisPerVerificationPerCore(time);
        }

        /** Every core verifies for about {@code time}; the wall time per verification times the cores. */
        double millisPerVerificationPerCore(Duration time) throws InterruptedException {
            long until = System.nanoTime() + time.toNanos();
            AtomicInteger count = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < cores; i++) {
                Thread t = new Thread(() -> {
                    do {
                        if (!hasher.verify(PASSWORD, hash)) {
                            throw new IllegalStateException("verification failed");
                        }
                        count.incrementAndGet();
                    } while (System.nanoTime() < until);
                }, "hashing-" + i);
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                t.join();
            }
            return (System.nanoTime() - t0) / 1e6 * cores / count.get();
        }
    }

    /** CPU seconds from /proc: the whole machine busy, the site's process, this driver's JVM; over {@code nanos}. */
    private record Cpu(long nanos, double machine, double site, double driver) {
        static Cpu read(long sitePid) {
            double machine = -1;
            double site = -1;
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                machine = (Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                        + Long.parseLong(f[7])) / 100.0;
                if (sitePid > 0) {
                    String stat = Files.readString(Path.of("/proc", Long.toString(sitePid), "stat"));
                    String[] p = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    site = (Long.parseLong(p[11]) + Long.parseLong(p[12])) / 100.0;
                }
            } catch (IOException | RuntimeException notLinux) {
                // figures stay unknown
            }
            double driver = ((com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
            return new Cpu(System.nanoTime(), machine, site, driver);
        }

        Cpu minus(Cpu before) {
            return new Cpu(nanos - before.nanos, machine - before.machine, site - before.site, driver - before.driver);
        }

        @Override
        public String toString() {
            double secs = nanos / 1e9;
            return String.format("cores busy %.2f of %d: site %.2f, this driver %.2f, rest of machine %.2f",
                    machine / secs, Runtime.getRuntime().availableProcessors(), site / secs, driver / secs,
                    (machine - site - driver) / secs);
        }
    }

    /** Samples the site JVM's thread count from /proc every 50 ms. */
    private static final class ThreadMonitor {
        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicInteger max = new AtomicInteger();
        private final Thread thread;

        private ThreadMonitor(long pid) {
            Path status = Path.of("/proc", Long.toString(pid), "status");
            thread = new Thread(() -> {
                while (!stop.get() && pid > 0) {
                    try {
                        for (String line : Files.readAllLines(status)) {
                            if (line.startsWith("Threads:")) {
                                max.accumulateAndGet(Integer.parseInt(line.substring(8).trim()), Math::max);
                            }
                        }
                        Thread.sleep(50);
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            }, "thread-monitor");
            thread.setDaemon(true);
            thread.start();
        }

        static ThreadMonitor start(long pid) {
            return new ThreadMonitor(pid);
        }

        int stop() throws InterruptedException {
            stop.set(true);
            thread.join();
            return max.get();
        }
    }

    private static ConcurrentHistogram histogram() {
        return new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return Collections.unmodifiableMap(options);
    }
}
