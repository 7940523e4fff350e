package io.github.kenshinbooking.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.KenshinBooking;
import java.time.LocalDate;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The rush bench's data ({@code kenshin.web.demo.rush.*}): its households log in with their own password and
 * book the rush venue's places, which fill exactly; the one household too many finds the day full.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:rush-data;DB_CLOSE_DELAY=-1",
                "kenshin.web.demo.rush.households=3", "kenshin.web.demo.rush.places=2",
                "kenshin.web.demo.rush.slots=2",
                "kenshin.web.demo.rush.opens-at=2020-01-01T00:00:00Z"})
class RushDataTest {
    @LocalServerPort int port;
    @Autowired KenshinBooking engine;

    @Test
    void threeHouseholdsForTwoPlaces() throws Exception {
        for (int i = 0; i < 3; i++) {
            String symbol = Integer.toString(WebProperties.Rush.FIRST_SYMBOL_NUMBER + i);
            HttpBrowser b = new HttpBrowser(port);
            Document login = b.get("/login");
            b.submit(login.selectFirst("form[action$=/login]"), Map.of("symbolNumber", symbol,
                    "kana", WebProperties.Rush.KANA, "password", WebProperties.Rush.PASSWORD));
            assertThat(b.path()).isEqualTo("/members"); // its own password: no first-login steps
            // the default day, in the union's zone (Tokyo's date is a day ahead of UTC's after 15:00 UTC)
            Document day = b.get("/m/" + symbol + "-01/day/" + LocalDate.now(engine.clock()).plusWeeks(4));
            assertThat(day.select("h2").text()).contains(RushData.VENUE);
            if (i == 2) {
                assertThat(day.select("a[href*=/book?slot=]")).isEmpty();
                assertThat(day.select("td").text()).doesNotContain("残り");
                continue;
            }
            assertThat(day.select("a[href*=/book?slot=]")).hasSize(2 - i); // one place a slot
            Document input = b.get(day.selectFirst("a[href*=/book?slot=]").attr("href"));
            Document confirm = b.submit(input.selectFirst("form[action$=/book/confirm]"), Map.of("phone", "090-1234-5678",
                    "acceptTerms", "true"));
            Document done = b.submit(confirm.selectFirst("form[action$=/book]"), Map.of());
            assertThat(done.select("#reservation-id").text()).matches("\\d+");
        }
    }
}
