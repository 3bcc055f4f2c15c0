package org.plenary.ingest.undl;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The first stage of an import: reads and checks one kind of file, handing each row, typed, to a
 * sink as it is read (a file of a million rows is never held), and says what it read. Pure: it
 * touches nothing but the file. A bad file throws {@link Refused}, naming the file and the line;
 * the sink may have seen rows by then, so what it stages is used only once the read returns.
 */
public interface RowReader<T> {
  /** What was read. */
  record Read(
      Path file, Layout layout, String sha256, long rows, long lastLine, List<String> warnings) {}

  /** The Library's file this reader reads. */
  Layout.File reads();

  Read read(Path file, Consumer<? super T> sink);
}
