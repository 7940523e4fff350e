package io.github.kenshinbooking.jdbc;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.account.Account;
import io.github.kenshinbooking.account.AccountStore;
import io.github.kenshinbooking.account.EmailAddress;
import io.github.kenshinbooking.account.PasswordHash;
import io.github.kenshinbooking.household.SymbolNumber;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@link AccountStore} over the {@code account} table. Internal. */
final class JdbcAccountStore implements AccountStore {
    private final Transactions tx;

    JdbcAccountStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<Account> find(SymbolNumber household) {
        requireNonNull(household, "household");
        return tx.read("find account", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT household, password_hash, email FROM kb_account WHERE household = ?")) {
                ps.setString(1, household.value());
                List<Account> l = list(ps);
                return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
            }
        });
    }

    @Override
    public void save(Account account) {
        requireNonNull(account, "account");
        account.passwordHash().ifPresent(h -> Jdbc.fits(h.encoded(), 512, "password hash"));
        String sql = tx.dialect().upsert("kb_account", new String[] {"household"},
                new String[] {"household", "password_hash", "email", "email_key"});
        tx.write("save account", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, account.household().value());
                Jdbc.setText(ps, 2, account.passwordHash().map(PasswordHash::encoded).orElse(null));
                Jdbc.setText(ps, 3, account.email().map(EmailAddress::value).orElse(null));
                Jdbc.setText(ps, 4, account.email().map(JdbcAccountStore::key).orElse(null));
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<Account> findByEmail(EmailAddress email) {
        requireNonNull(email, "email");
        List<Account> found = tx.read("find accounts by e-mail", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT household, password_hash, email FROM kb_account WHERE email_key = ? ORDER BY household")) {
                ps.setString(1, key(email));
                return list(ps);
            }
        });
        // the key narrows the search; the address type decides what counts as the same mailbox
        found.removeIf(a -> !a.email().map(e -> e.sameMailbox(email)).orElse(false));
        found.sort(java.util.Comparator.comparing(a -> a.household().value()));
        return found;
    }

    /** The local part as is, the domain in lower case (domains compare case-insensitively). */
    private static String key(EmailAddress e) {
        int at = e.value().indexOf('@');
        return e.value().substring(0, at + 1) + e.value().substring(at + 1).toLowerCase(Locale.ROOT);
    }

    private static List<Account> list(PreparedStatement ps) throws SQLException {
        List<Account> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String hash = rs.getString("password_hash");
                String email = rs.getString("email");
                out.add(new Account(SymbolNumber.of(rs.getString("household")),
                        Optional.ofNullable(hash).map(PasswordHash::new),
                        Optional.ofNullable(email).map(EmailAddress::new)));
            }
        }
        return out;
    }
}
