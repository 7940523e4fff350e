package io.github.kenshinbooking.csv;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** How the exports write: records as arrays, lines ending CRLF, the target left open. */
final class CsvWriting {
    private static final CsvFactory FACTORY = CsvFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
    private static final CsvSchema SCHEMA = CsvSchema.emptySchema().withLineSeparator("\r\n");

    /** A row writer that may be called where no checked exception can pass (a store's callback). */
    @FunctionalInterface
    interface Rows {
        void run() throws IOException;
    }

    private CsvWriting() {
    }

    static CsvGenerator open(Writer writer) throws IOException {
        CsvGenerator csv = FACTORY.createGenerator(writer);
        csv.setSchema(SCHEMA);
        return csv;
    }

    static void row(CsvGenerator csv, String... fields) throws IOException {
        csv.writeStartArray();
        for (String f : fields) {
            csv.writeString(f);
        }
        csv.writeEndArray();
    }

    static void rowUnchecked(CsvGenerator csv, Rows rows) {
        try {
            rows.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
