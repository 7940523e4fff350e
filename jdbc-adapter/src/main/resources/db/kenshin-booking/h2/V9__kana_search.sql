-- The union staff's search of households by kana name (HouseholdRegistry.findByKana): each member's AUTH-2
-- comparison key (NFKC, spaces dropped), written by the library with the member, so a prefix LIKE can use an
-- index. Members written before this migration have none (SQL cannot normalise as Java does); the search
-- checks those rows in Java, and an import or put of the household fills their key.
ALTER TABLE kb_member ADD COLUMN kana_key VARCHAR(200);
CREATE INDEX ix_kb_member_kana_key ON kb_member (kana_key);
