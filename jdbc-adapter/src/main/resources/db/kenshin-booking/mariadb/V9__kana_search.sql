-- The union staff's search of households by kana name (HouseholdRegistry.findByKana): each member's AUTH-2
-- comparison key (NFKC, spaces dropped), written by the library with the member, so a prefix LIKE can use an
-- index (the table's utf8mb4_nopad_bin compares exactly; the search checks every row it reads against the
-- key in Java all the same). Members written before this migration have none (SQL cannot normalise as Java
-- does); the search checks those rows in Java, and an import or put of the household fills their key.
ALTER TABLE kb_member ADD COLUMN kana_key VARCHAR(200) NULL;
CREATE INDEX ix_kb_member_kana_key ON kb_member (kana_key);
