package io.github.kenshinbooking.csv;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The records of a CSV file, one at a time, each with the line it starts on (a quoted field may span
 * lines, so the line is the file's, not the record's count). A UTF-8 byte order mark is skipped. Bytes
 * that are not valid in the charset are decoded as U+FFFD and their record carries the problem (so the
 * error has its line and the rest of the file is still checked); CSV that cannot be parsed (an unclosed
 * quote) ends the file with a record carrying the problem. Blank lines are skipped. Internal; not
 * thread-safe.
 */
final class CsvRecords {
    private static final CsvFactory FACTORY = CsvFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();

    /** One record: its line, its fields, or a problem with it. */
    record Record(long line, List<String> fields, Optional<String> problem) {
    }

    private final CsvParser parser;
    private final String charsetName;
    private boolean done;

    private CsvRecords(CsvParser parser, String charsetName) {
        this.parser = parser;
        this.charsetName = charsetName;
    }

    static CsvRecords open(InputStream in, Charset charset) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        if (charset.equals(StandardCharsets.UTF_8)) {
            buffered.mark(3);
            byte[] bom = buffered.readNBytes(3);
            if (bom.length < 3 || (bom[0] & 0xff) != 0xEF || (bom[1] & 0xff) != 0xBB || (bom[2] & 0xff) != 0xBF) {
                buffered.reset();
            }
        }
        InputStreamReader reader = new InputStreamReader(buffered, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        return new CsvRecords(FACTORY.createParser(reader), charset.name());
    }

    /** The next record, or {@code null} at the end of the file. */
    Record next() {
        while (!done) {
            long line = parser.currentLocation().getLineNr();
            try {
                JsonToken t = parser.nextToken();
                if (t == null) {
                    done = true;
                    return null;
                }
                if (t != JsonToken.START_ARRAY) {
                    continue;
                }
                List<String> fields = new ArrayList<>();
                for (t = parser.nextToken(); t != JsonToken.END_ARRAY && t != null; t = parser.nextToken()) {
                    if (fields.isEmpty()) {
                        // the record's first field: the array's own start is reported on the line before
                        line = parser.currentTokenLocation().getLineNr();
                    }
                    fields.add(parser.getText());
                }
                if (fields.stream().allMatch(String::isEmpty)) {
                    continue; // a blank line
                }
                if (fields.stream().anyMatch(s -> s.indexOf('\uFFFD') >= 0)) {
                    return new Record(line, fields, Optional.of("not valid " + charsetName + " text"));
                }
                return new Record(line, fields, Optional.empty());
            } catch (JsonProcessingException e) {
                done = true;
                return new Record(Math.max(1, e.getLocation() == null ? line : e.getLocation().getLineNr()), List.of(),
                        Optional.of("malformed CSV: " + e.getOriginalMessage()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return null;
    }
}
