package io.github.kenshinbooking.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * SES-1 through the site: two instances over one PostgreSQL database (env {@code KENSHIN_PG_URL}, a schema of
 * this test's own), and one browser whose requests go to either: a login on one is a login on the other, a
 * form from one is accepted by the other (CSRF in a cookie, no HTTP session), and a logout on one ends the
 * session on both. Without the variable it skips with that reason, unless {@code CI} is set: then it fails.
 */
class TwoInstancesTest {
    private static String serverUrl;
    private static String schema;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() throws SQLException {
        serverUrl = System.getenv("KENSHIN_PG_URL");
        boolean ci = System.getenv("CI") != null && !System.getenv("CI").isBlank();
        if (serverUrl == null || serverUrl.isBlank()) {
            if (ci) {
                fail("env CI is set: KENSHIN_PG_URL must name a PostgreSQL server");
            }
            assumeTrue(false, "set KENSHIN_PG_URL (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres) "
                    + "to run two site instances over one PostgreSQL");
        }
        schema = "kb_web_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        sql("CREATE SCHEMA " + schema);
        String url = serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        first = instance(url);
        second = instance(url); // finds the demo data the first one loaded
    }

    private static ConfigurableApplicationContext instance(String url) {
        return new SpringApplicationBuilder(WebApplication.class).properties(Map.of("server.port", "0",
                "spring.datasource.url", url, "spring.datasource.username", "", "kenshin.web.demo.smtp-port", "0"))
                .run();
    }

    @AfterAll
    static void stop() throws SQLException {
        for (ConfigurableApplicationContext c : new ConfigurableApplicationContext[] {first, second}) {
            if (c != null) {
                c.close();
            }
        }
        if (schema != null) {
            sql("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Test
    void aSessionAndItsFormsWorkOnEitherInstance() throws Exception {
        String a = "http://localhost:" + port(first);
        String b = "http://localhost:" + port(second);
        HttpBrowser browser = new HttpBrowser(port(first)); // cookies are per host, not per port: one browser
        Document login = browser.get(a + "/login");
        browser.submit(login.selectFirst("main form"), Map.of("symbolNumber", DemoData.UMEDA,
                "kana", DemoData.UMEDA_KANA, "password", DemoData.UMEDA_PASSWORD));
        assertThat(browser.path()).isEqualTo("/members");

        Document calendar = browser.get(b + "/m/1888888-01/calendar"); // the next request, on the other instance
        assertThat(browser.last().uri().getPort()).isEqualTo(port(second));
        Document day = browser.get(b + calendar.selectFirst("table.calendar a[href*=/day/]").attr("href"));
        Document input = browser.get(b + day.selectFirst("a[href*=/book?slot=]").attr("href"));
        Document confirm = browser.submit(input.selectFirst("form[action$=/book/confirm]"),
                Map.of("phone", "06-1234-5678", "acceptTerms", "true"));
        // the confirm page came from the second instance; its form goes to the first
        String action = confirm.selectFirst("form[action$=/book]").attr("action");
        confirm.selectFirst("form[action$=/book]").attr("action", a + action);
        Document done = browser.submit(confirm.selectFirst("form[action$=/book]"), Map.of());
        assertThat(browser.last().uri().getPort()).isEqualTo(port(first));
        String id = done.select("#reservation-id").text();
        assertThat(id).matches("\\d+");
        assertThat(browser.get(b + "/m/1888888-01/history").text()).contains(id);

        Document members = browser.get(b + "/members");
        members.selectFirst("form[action$=/logout]").attr("action", b + "/logout");
        browser.submit(members.selectFirst("form[action$=/logout]"), Map.of());
        browser.get(a + "/members");
        assertThat(browser.path()).isEqualTo("/login"); // ended on the other instance too
    }

    private static int port(ConfigurableApplicationContext c) {
        return Integer.parseInt(c.getEnvironment().getProperty("local.server.port"));
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
