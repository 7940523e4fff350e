-- kenshin-booking schema, MariaDB (10.6+: sequences, CHECK constraints, SKIP LOCKED).
-- Instants are UTC in DATETIME(6) columns, to the microsecond. Text compares exactly (utf8mb4_nopad_bin).

CREATE TABLE kb_slot (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    venue            VARCHAR(255) NOT NULL,
    institution      VARCHAR(255) NOT NULL,
    exam_date        DATE         NOT NULL,
    start_time       TIME(6)      NOT NULL,
    duration_seconds BIGINT       NOT NULL,
    capacity         INT          NOT NULL,
    reserved         INT          NOT NULL DEFAULT 0,
    reception_opens  DATETIME(6)  NOT NULL,
    cancelled        BOOLEAN      NOT NULL DEFAULT FALSE,
    CONSTRAINT ck_kb_slot_duration CHECK (duration_seconds > 0),
    -- SLOT-3: never negative, never above capacity
    CONSTRAINT ck_kb_slot_reserved CHECK (reserved >= 0 AND reserved <= capacity),
    INDEX ix_kb_slot_venue_date (venue, exam_date),
    INDEX ix_kb_slot_date (exam_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

-- INCREMENT BY 0 steps by auto_increment_increment from auto_increment_offset: by 1 on a single server;
-- on a Galera cluster each node takes its own residue, so nodes never hand out the same id (Galera
-- refuses a cached sequence with any other increment)
CREATE SEQUENCE kb_reservation_id_seq START WITH 1 INCREMENT BY 0 ENGINE = InnoDB;

CREATE TABLE kb_reservation (
    id               BIGINT       NOT NULL PRIMARY KEY,
    household        VARCHAR(20)  NOT NULL,
    member_id        VARCHAR(64)  NOT NULL,
    slot_id          BIGINT       NOT NULL,
    fiscal_year      INT          NOT NULL,
    status           VARCHAR(9)   NOT NULL,
    -- the fiscal year while CONFIRMED, NULL once CANCELLED: cancelled rows never hit uq_kb_reservation_live
    live_fiscal_year INT,
    phone            VARCHAR(11)  NOT NULL,
    terms_version    VARCHAR(200) NOT NULL,
    booked_at        DATETIME(6)  NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    staff_id         VARCHAR(64),
    staff_reason     MEDIUMTEXT,
    staff_at         DATETIME(6),
    CONSTRAINT ck_kb_reservation_live CHECK (
        (status = 'CONFIRMED' AND live_fiscal_year IS NOT NULL AND live_fiscal_year = fiscal_year)
        OR (status = 'CANCELLED' AND live_fiscal_year IS NULL)),
    -- ONE-1: one live reservation per member and fiscal year; also serves look-ups by member
    CONSTRAINT uq_kb_reservation_live UNIQUE (member_id, live_fiscal_year),
    INDEX ix_kb_reservation_live_slot (slot_id, status),
    CONSTRAINT fk_kb_reservation_slot FOREIGN KEY (slot_id) REFERENCES kb_slot (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

-- BOOK-4: idempotency keys of the final booking step, unique per household
CREATE TABLE kb_idempotency_key (
    household      VARCHAR(20)  NOT NULL,
    idem_key       VARCHAR(100) NOT NULL,
    reservation_id BIGINT       NOT NULL,
    PRIMARY KEY (household, idem_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

-- MAIL-2: the notification outbox
CREATE TABLE kb_outbox (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind            VARCHAR(32)  NOT NULL,
    recipient       VARCHAR(320) NOT NULL,
    dedupe_key      VARCHAR(200),
    payload         MEDIUMTEXT   NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)  NOT NULL,
    sent_at         DATETIME(6),
    last_error      MEDIUMTEXT,
    CONSTRAINT uq_kb_outbox_dedupe UNIQUE (dedupe_key),
    INDEX ix_kb_outbox_due (sent_at, next_attempt_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

-- HH-2: one password and one e-mail per household
CREATE TABLE kb_account (
    household     VARCHAR(20)  NOT NULL PRIMARY KEY,
    password_hash VARCHAR(512),
    email         VARCHAR(254),
    -- the address with its domain in lower case: what findByEmail compares
    email_key     VARCHAR(254),
    INDEX ix_kb_account_email_key (email_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

-- AUTH-4: lock state per login key
CREATE TABLE kb_login_attempt (
    login_key    VARCHAR(64) NOT NULL PRIMARY KEY,
    failures     INT         NOT NULL,
    locked_until DATETIME(6)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

-- RESET-1, RESET-2: only the token's hash is stored
CREATE TABLE kb_reset_token (
    token_hash          VARCHAR(128) NOT NULL PRIMARY KEY,
    household           VARCHAR(20)  NOT NULL,
    issued_at           DATETIME(6)  NOT NULL,
    expires_at          DATETIME(6)  NOT NULL,
    identity_mismatches INT          NOT NULL,
    used                BOOLEAN      NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

-- Member records (HH-1) for unions that keep them in this database (JdbcHouseholdDirectory)
CREATE TABLE kb_household (
    symbol_number VARCHAR(20) NOT NULL PRIMARY KEY,
    branch_number VARCHAR(64),
    address       VARCHAR(1000)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

CREATE TABLE kb_member (
    id              VARCHAR(64)  NOT NULL PRIMARY KEY,
    household       VARCHAR(20)  NOT NULL,
    ordinal         INT          NOT NULL,
    kana            VARCHAR(200) NOT NULL,
    name            VARCHAR(200) NOT NULL,
    birth_date      DATE         NOT NULL,
    sex             CHAR(1)      NOT NULL,
    qualified_from  DATE         NOT NULL,
    qualified_until DATE,
    representative  BOOLEAN      NOT NULL,
    INDEX ix_kb_member_household (household),
    CONSTRAINT fk_kb_member_household FOREIGN KEY (household) REFERENCES kb_household (symbol_number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
