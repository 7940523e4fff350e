package io.github.kenshinbooking.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.github.kenshinbooking.audit.AuditAction;
import io.github.kenshinbooking.audit.AuditActor;
import io.github.kenshinbooking.audit.AuditChannel;
import io.github.kenshinbooking.audit.AuditRecord;
import io.github.kenshinbooking.audit.AuditTarget;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.LineError;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.exchange.ImportReport;
import io.github.kenshinbooking.exchange.ImportRun;
import io.github.kenshinbooking.exchange.MemberRow;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.Sex;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.reservation.StaffId;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of a {@link io.github.kenshinbooking.storage.HouseholdRegistry} and the member import over
 * it (DATA-3): batch reads and writes, its unit of work, and {@code engine.exchange().importMembers}
 * all or nothing, idempotent, with line-numbered errors and HARD-3's checks.
 */
public abstract class HouseholdRegistryContract extends DataExchangeSupport {
    private static final SymbolNumber THIRD = SymbolNumber.of("3777777");

    private ImportReport importRows(MemberRow... rows) throws Refusal {
        return engine.exchange().importMembers(List.of(rows).iterator());
    }

    private static MemberRow[] kensetsuRows() {
        return new MemberRow[] {
            new MemberRow(2, "1999999", "1999999-00", "ｹﾝｾﾂ ﾀﾛｳ", "建設 太郎", "1970-05-05", "M", "2000-04-01", "", "1"),
            new MemberRow(3, "1999999", "1999999-01", "ｹﾝｾﾂ ﾊﾅｺ", "建設 花子", "1970/5/5", "女", "2000/4/1", " ", "0"),
            new MemberRow(4, "2888888", "2888888-00", "ﾀｶｻｷ ｼﾞﾛｳ", "髙﨑 次郎", "1970-05-05", "1", "2000-04-01", "", "true")};
    }

    @Test
    @DisplayName("DATA-3 putAll adds and replaces households; findAll and householdsOf read them in one call")
    void batchReadsAndWrites() {
        registry.putAll(List.of(kensetsu(), takasaki()));
        Household smaller = Household.of(HOUSEHOLD, List.of(kensetsu().members().get(0)));
        registry.putAll(List.of(smaller));

        Map<SymbolNumber, Household> found = registry.findAll(List.of(HOUSEHOLD, OTHER_HOUSEHOLD, THIRD, HOUSEHOLD));
        assertThat(found).containsOnlyKeys(HOUSEHOLD, OTHER_HOUSEHOLD);
        assertThat(found.get(HOUSEHOLD)).isEqualTo(smaller);
        assertThat(found.get(OTHER_HOUSEHOLD)).isEqualTo(takasaki());
        assertThat(registry.householdsOf(List.of(TARO, HANAKO, JIRO)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(TARO, HOUSEHOLD, JIRO, OTHER_HOUSEHOLD));
        assertThat(registry.findMembers(List.of(TARO, HANAKO, JIRO))).containsOnlyKeys(TARO, JIRO);
    }

    @Test
    @DisplayName("DATA-3 putAll of a member of another household throws; its unit of work then writes nothing")
    void memberOfAnotherHousehold() {
        registry.putAll(List.of(kensetsu()));
        Household thief = Household.of(THIRD, List.of(member(TARO.value(), "ﾄﾞﾛ", "泥", Sex.M, true)));

        assertThatThrownBy(() -> registry.unitOfWork().execute(() -> {
            registry.putAll(List.of(takasaki()));
            registry.putAll(List.of(thief));
            return null;
        })).isInstanceOf(IllegalArgumentException.class);

        assertThat(registry.find(OTHER_HOUSEHOLD)).isEmpty();
        assertThat(registry.find(THIRD)).isEmpty();
        assertThat(registry.find(HOUSEHOLD)).contains(kensetsu());
    }

    @Test
    @DisplayName("DATA-3 an import adds every household with every field; the same file again changes nothing and says so")
    void importIsIdempotent() throws Exception {
        ImportReport first = importRows(kensetsuRows());
        assertThat(first).isEqualTo(new ImportReport(3, 2, 0, 0));
        Household h = onRecord(HOUSEHOLD).orElseThrow();
        assertThat(h.representative().id()).isEqualTo(TARO);
        Member hanako = h.member(HANAKO).orElseThrow();
        assertThat(hanako.kana().value()).isEqualTo("ｹﾝｾﾂ ﾊﾅｺ");
        assertThat(hanako.name()).isEqualTo("建設 花子");
        assertThat(hanako.birthDate()).isEqualTo(LocalDate.of(1970, 5, 5));
        assertThat(hanako.sex()).isEqualTo(Sex.F);
        assertThat(hanako.qualifiedFrom()).isEqualTo(LocalDate.of(2000, 4, 1));
        assertThat(hanako.qualifiedUntil()).isEmpty();
        assertThat(hanako.representative()).isFalse();
        assertThat(onRecord(OTHER_HOUSEHOLD)).contains(takasaki());

        ImportReport again = importRows(kensetsuRows());
        assertThat(again).isEqualTo(new ImportReport(3, 0, 0, 2));
        assertThat(again.changedNothing()).isTrue();
        assertThat(onRecord(HOUSEHOLD)).contains(h);
    }

    @Test
    @DisplayName("DATA-3 STAFF-4 a dry run counts what the import would do and writes nothing; the import then writes and is audited once")
    void dryRunThenImport() throws Exception {
        StaffId staff = StaffId.parse("import-staff");
        ImportReport dry = engine.exchange().importMembers(List.of(kensetsuRows()).iterator(),
                ImportRun.dryRun(staff, "年度更新の確認"));
        assertThat(dry).isEqualTo(new ImportReport(3, 2, 0, 0));
        assertThat(onRecord(HOUSEHOLD)).isEmpty();
        assertThat(onRecord(OTHER_HOUSEHOLD)).isEmpty();
        assertThat(audit(AuditAction.MEMBERS_IMPORTED)).isEmpty();

        ImportReport applied = engine.exchange().importMembers(List.of(kensetsuRows()).iterator(),
                ImportRun.apply(staff, "年度更新"));
        assertThat(applied).isEqualTo(dry);
        assertThat(onRecord(HOUSEHOLD)).isPresent();
        List<AuditRecord> records = audit(AuditAction.MEMBERS_IMPORTED);
        assertThat(records).hasSize(1);
        AuditRecord r = records.get(0);
        assertThat(r.actor()).isEqualTo(AuditActor.staff(staff));
        assertThat(r.channel()).isEqualTo(AuditChannel.STAFF);
        assertThat(r.target()).isEqualTo(AuditTarget.dataImport("members"));
        assertThat(r.reason()).contains("年度更新");
        assertThat(r.after()).isEqualTo("rows=3 added=2 changed=0 unchanged=0");
    }

    @Test
    @DisplayName("DATA-3 STAFF-4 a dry run of a bad file reports the same lines as the import; a blank reason is refused")
    void dryRunOfBadRowsAndBlankReason() throws Exception {
        StaffId staff = StaffId.parse("import-staff");
        Refusal r = catchThrowableOfType(Refusal.class, () -> engine.exchange().importMembers(List.of(
                new MemberRow(2, "3777777", "3777777-00", "ｻﾝ", "三", "1970-02-30", "M", "2000-04-01", "", "1"))
                .iterator(), ImportRun.dryRun(staff, "確認")));
        assertThat(r.code()).isEqualTo(ErrorCode.IMPORT_INVALID);
        assertThat(r.lineErrors()).extracting(LineError::line, LineError::field)
                .containsExactly(tuple(2L, Refusal.FIELD_BIRTH_DATE));
        Refusal blank = catchThrowableOfType(Refusal.class, () -> engine.exchange().importMembers(
                List.of(kensetsuRows()).iterator(), ImportRun.apply(staff, " ")));
        assertThat(blank.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(blank.field()).contains(Refusal.FIELD_REASON);
        assertThat(onRecord(HOUSEHOLD)).isEmpty();
        assertThat(audit(AuditAction.MEMBERS_IMPORTED)).isEmpty();
    }

    @Test
    @DisplayName("STAFF-1 households by the beginning of a kana name, compared as AUTH-2 compares names, by symbol number, at most the limit")
    void findByKana() {
        SymbolNumber fourth = SymbolNumber.of("4666666");
        registry.putAll(List.of(takasaki(), kensetsu(),
                Household.of(THIRD, List.of(member("3777777-00", "ケンセイ\u3000ミチ", "建生 美知", Sex.F, true))),
                Household.of(fourth, List.of(member("4666666-00", "ｹﾝ%ﾃｽﾄ", "試験 太郎", Sex.M, true)))));

        assertThat(registry.findByKana("ケンセ", 10)).extracting(Household::symbolNumber)
                .containsExactly(HOUSEHOLD, THIRD);
        assertThat(registry.findByKana("ｹﾝｾﾂ ﾊ", 10)).containsExactly(kensetsu());
        assertThat(registry.findByKana("ｹﾝｾﾂﾊﾅｺ", 10)).extracting(Household::symbolNumber).containsExactly(HOUSEHOLD);
        assertThat(registry.findByKana("ケンセイ ミ", 10)).extracting(Household::symbolNumber).containsExactly(THIRD);
        assertThat(registry.findByKana("ｹ", 2)).extracting(Household::symbolNumber).containsExactly(HOUSEHOLD, THIRD);
        assertThat(registry.findByKana("ﾀｶｻｷ", 10)).containsExactly(takasaki());
        assertThat(registry.findByKana("けんせつ", 10)).isEmpty(); // hiragana is not katakana (AUTH-2)
        assertThat(registry.findByKana("ｹﾝ%", 10)).extracting(Household::symbolNumber).containsExactly(fourth);
        assertThat(registry.findByKana("ｹﾝ_", 10)).isEmpty();
        assertThatThrownBy(() -> registry.findByKana(" \u3000", 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registry.findByKana("ｹ", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("DATA-3 a changed household is replaced (a member who left is gone, branch and address kept); others stay")
    void changedHousehold() throws Exception {
        registry.putAll(List.of(new Household(HOUSEHOLD, Optional.of("012"), Optional.of("那珂川市"),
                kensetsu().members()), Household.of(THIRD, List.of(member("3777777-00", "ｻﾝ", "三", Sex.F, true)))));
        MemberRow[] rows = kensetsuRows();

        ImportReport report = importRows(new MemberRow(2, "1999999", "1999999-00", "ｹﾝｾﾂ ﾀﾛｳ", "建設 太郎",
                "1970-05-05", "M", "2000-04-01", "2030-03-31", "1"), rows[2]);

        assertThat(report).isEqualTo(new ImportReport(2, 1, 1, 0));
        Household h = onRecord(HOUSEHOLD).orElseThrow();
        assertThat(h.members()).extracting(Member::id).containsExactly(TARO);
        assertThat(h.representative().qualifiedUntil()).contains(LocalDate.of(2030, 3, 31));
        assertThat(h.branchNumber()).contains("012");
        assertThat(h.address()).contains("那珂川市");
        assertThat(onRecord(THIRD)).isPresent();
        assertThat(registry.findByMember(HANAKO)).isEmpty();
    }

    @Test
    @DisplayName("DATA-3 a file with bad rows writes nothing and reports every bad field with its line")
    void badRowsWriteNothing() throws Exception {
        registry.putAll(List.of(kensetsu()));
        Refusal r = catchThrowableOfType(Refusal.class, () -> importRows(
                new MemberRow(2, "2888888", "2888888-00", "ﾀｶｻｷ ｼﾞﾛｳ", "髙﨑 次郎", "1970-05-05", "M", "2000-04-01", "", "1"),
                new MemberRow(3, "3777777", "3777777-00", "ｻﾝ", "三", "1970-02-30", "X", "2000-04-01", "1999-01-01", "1"),
                new MemberRow(4, "1999999", "1999999-00", "ｹﾝｾﾂ ﾀﾛｳ", "建設 太郎", "1970-05-05", "M", "2000-04-01", "", "0"),
                new MemberRow(5, "1999999", "1999999-01", "ｹﾝｾﾂ ﾊﾅｺ", "建設 花子", "1970-05-05", "F", "2000-04-01", "", "0"),
                new MemberRow(6, "2888888", "2888888-01", "ﾀｶｻｷ ﾊﾅ", "髙﨑 花", "1970-05-05", "F", "2000-04-01", "", "0")));

        assertThat(r.code()).isEqualTo(ErrorCode.IMPORT_INVALID);
        assertThat(r.lineErrors()).extracting(LineError::line, LineError::field).containsExactly(
                tuple(3L, Refusal.FIELD_BIRTH_DATE), tuple(3L, Refusal.FIELD_SEX),
                tuple(3L, Refusal.FIELD_QUALIFIED_UNTIL),
                tuple(4L, Refusal.FIELD_REPRESENTATIVE),
                tuple(6L, Refusal.FIELD_SYMBOL_NUMBER));
        assertThat(onRecord(OTHER_HOUSEHOLD)).isEmpty();
        assertThat(onRecord(THIRD)).isEmpty();
        assertThat(onRecord(HOUSEHOLD)).contains(kensetsu());
    }

    @Test
    @DisplayName("DATA-3 HARD-3: a control character, malformed UTF-16 or over-long text is reported on its field")
    void inputChecks() {
        Refusal r = catchThrowableOfType(Refusal.class, () -> importRows(
                new MemberRow(2, "1999999", "1999999-00", "ｹﾝｾﾂ\u0000ﾀﾛｳ", "建設 太郎", "1970-05-05", "M", "2000-04-01", "", "1"),
                new MemberRow(3, "2888888", "2888888-00", "ﾀｶｻｷ ｼﾞﾛｳ", "髙﨑\uDC00", "1970-05-05", "M", "2000-04-01", "", "1"),
                new MemberRow(4, "3777777", "3".repeat(MemberId.MAX_LENGTH + 1), "ｻﾝ", "三", "1970-05-05", "M",
                        "2000-04-01", "\t", "1")));

        assertThat(r.lineErrors()).extracting(LineError::line, LineError::field).containsExactly(
                tuple(2L, Refusal.FIELD_KANA), tuple(3L, Refusal.FIELD_NAME), tuple(4L, Refusal.FIELD_MEMBER),
                tuple(4L, Refusal.FIELD_QUALIFIED_UNTIL));
        assertThat(r.lineErrors().get(0).detail()).contains("control character");
        assertThat(r.lineErrors().get(1).detail()).contains("malformed UTF-16");
        assertThat(registry.findAll(List.of(HOUSEHOLD, OTHER_HOUSEHOLD, THIRD))).isEmpty();
    }

    @Test
    @DisplayName("DATA-3 a member already in another household is refused, unless that household comes earlier without it")
    void movingMembers() throws Exception {
        registry.putAll(List.of(kensetsu()));
        MemberRow hanakoMarries = new MemberRow(3, "3777777", "1999999-01", "ｹﾝｾﾂ ﾊﾅｺ", "三 花子", "1970-05-05", "F",
                "2000-04-01", "", "1");

        Refusal r = catchThrowableOfType(Refusal.class, () -> importRows(
                new MemberRow(2, "2888888", "2888888-00", "ﾀｶｻｷ ｼﾞﾛｳ", "髙﨑 次郎", "1970-05-05", "M", "2000-04-01", "", "1"),
                hanakoMarries));
        assertThat(r.lineErrors()).extracting(LineError::line, LineError::field)
                .containsExactly(tuple(3L, Refusal.FIELD_MEMBER));
        assertThat(onRecord(OTHER_HOUSEHOLD)).isEmpty();

        ImportReport moved = importRows(
                new MemberRow(2, "1999999", "1999999-00", "ｹﾝｾﾂ ﾀﾛｳ", "建設 太郎", "1970-05-05", "M", "2000-04-01", "", "1"),
                hanakoMarries);
        assertThat(moved).isEqualTo(new ImportReport(2, 1, 1, 0));
        assertThat(registry.findByMember(HANAKO).map(Household::symbolNumber)).contains(THIRD);
        assertThat(onRecord(HOUSEHOLD).orElseThrow().members()).extracting(Member::id).containsExactly(TARO);
    }

    @Test
    @DisplayName("DATA-3 a household whose rows are split, or that lists a member twice, is refused on the later line")
    void splitAndTwice() {
        Refusal r = catchThrowableOfType(Refusal.class, () -> importRows(
                new MemberRow(2, "1999999", "1999999-00", "ｹﾝｾﾂ ﾀﾛｳ", "建設 太郎", "1970-05-05", "M", "2000-04-01", "", "1"),
                new MemberRow(3, "2888888", "2888888-00", "ﾀｶｻｷ ｼﾞﾛｳ", "髙﨑 次郎", "1970-05-05", "M", "2000-04-01", "", "1"),
                new MemberRow(4, "2888888", "2888888-00", "ﾀｶｻｷ ｼﾞﾛｳ", "髙﨑 次郎", "1970-05-05", "M", "2000-04-01", "", "0"),
                new MemberRow(5, "1999999", "1999999-01", "ｹﾝｾﾂ ﾊﾅｺ", "建設 花子", "1970-05-05", "F", "2000-04-01", "", "0")));

        assertThat(r.lineErrors()).extracting(LineError::line, LineError::field).containsExactly(
                tuple(4L, Refusal.FIELD_MEMBER), tuple(5L, Refusal.FIELD_SYMBOL_NUMBER));
        assertThat(registry.findAll(List.of(HOUSEHOLD, OTHER_HOUSEHOLD))).isEmpty();
    }
}
