package org.plenary.ingest.undl;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the readers of the Library's files share: the file read through {@link CsvInput}, its header
 * recognized ({@link Header}) and required to be this reader's file, each row's number of fields
 * checked, and each row made a record by {@link #row}.
 */
abstract class LayoutReader<T> implements RowReader<T> {
  private final Layout.File reads;

  LayoutReader(Layout.File reads) {
    this.reads = reads;
  }

  @Override
  public final Layout.File reads() {
    return reads;
  }

  /** The record of one row (the header is the file's: {@code row.text("column")}). */
  abstract T row(Layout layout, Row row);

  @Override
  public final Read read(Path file, Consumer<? super T> sink) {
    CsvInput.Read<Read> r =
        CsvInput.read(
            file,
            records -> {
              if (!records.hasNext()) {
                throw new Refused(file, 1, "the file is empty (expected a header)");
              }
              Header header = Header.recognize(file, records.next().getFields());
              if (header.layout().file() != reads) {
                throw new Refused(
                    file,
                    1,
                    "the header is the "
                        + header.layout().file().title()
                        + " file's, not the "
                        + reads.title()
                        + " file's");
              }
              long rows = 0;
              java.util.Map<String, Object[]> memo = new java.util.HashMap<>();
              while (records.hasNext()) {
                CsvRecord rec = records.next();
                if (rec.getFieldCount() != header.width()) {
                  throw new Refused(
                      file,
                      rec.getStartingLineNumber(),
                      "has " + rec.getFieldCount() + " fields, the header has " + header.width());
                }
                sink.accept(row(header.layout(), new Row(file, header, rec, memo)));
                rows++;
              }
              if (rows == 0) {
                throw new Refused(file, 2, "the file has a header but no rows");
              }
              List<String> warnings = new java.util.ArrayList<>(header.warnings());
              records.separatorWarning().ifPresent(warnings::add);
              return new Read(file, header.layout(), null, rows, records.lastLine(), warnings);
            });
    Read read = r.value();
    return new Read(file, read.layout(), r.sha256(), read.rows(), read.lastLine(), read.warnings());
  }
}
