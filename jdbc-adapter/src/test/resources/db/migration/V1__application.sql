-- An application's own schema, migrated by the application's own Flyway at Spring Boot's default
-- location classpath:db/migration. Its tables carry the generic names the library used before 0.2
-- (member, account) with other columns, and an index named like the library's former one
-- (index names are per schema on PostgreSQL and H2): the library's kb_ tables must not touch them.
CREATE TABLE member (
    member_no    INTEGER      NOT NULL PRIMARY KEY,
    display_name VARCHAR(100) NOT NULL,
    joined       DATE         NOT NULL
);
CREATE INDEX ix_member_household ON member (display_name);

CREATE TABLE account (
    account_no INTEGER       NOT NULL PRIMARY KEY,
    member_no  INTEGER       NOT NULL,
    balance    DECIMAL(12,2) NOT NULL,
    CONSTRAINT fk_account_member FOREIGN KEY (member_no) REFERENCES member (member_no)
);

INSERT INTO member (member_no, display_name, joined) VALUES
    (1, 'Sato', DATE '2020-04-01'),
    (2, 'Suzuki', DATE '2021-10-15');
INSERT INTO account (account_no, member_no, balance) VALUES
    (10, 1, 1200.50),
    (20, 2, 0.00);
