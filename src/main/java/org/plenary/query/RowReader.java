package org.plenary.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plenary.query.CollectionSpec.Sort;
import org.plenary.seed.PartialDate;

/** Reads result rows into records as the API shows them, and a record's sort values for cursors. */
final class RowReader {
  private RowReader() {}

  /**
   * The sort values of a rendered row, as a cursor stores them (partial dates as their first day).
   */
  static List<String> sortValues(Map<String, Object> row, ListQuery q) {
    List<String> out = new ArrayList<>();
    for (Sort s : q.sort()) {
      Object v = row.get(s.field().name());
      if (v != null && s.field().type() == Field.Type.PARTIAL_DATE) {
        v = PartialDate.parse(v.toString()).first();
      }
      out.add(v == null ? null : raw(v));
    }
    return out;
  }

  private static String raw(Object v) {
    if (v instanceof OffsetDateTime t) {
      return t.toString();
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    return v.toString();
  }

  static Map<String, Object> read(ResultSet rs, List<Field> fields) throws SQLException {
    Map<String, Object> row = new LinkedHashMap<>();
    int col = 1;
    for (Field f : fields) {
      Object value =
          switch (f.type()) {
            case TEXT -> rs.getString(col);
            case INTEGER -> (Integer) rs.getObject(col);
            case BOOLEAN -> (Boolean) rs.getObject(col);
            case DATE -> {
              LocalDate d = rs.getObject(col, LocalDate.class);
              yield d == null ? null : d.toString();
            }
            case PARTIAL_DATE -> {
              LocalDate d = rs.getObject(col, LocalDate.class);
              col++;
              yield PartialDate.format(d, rs.getString(col));
            }
            case TIMESTAMP -> rs.getString(col);
            case NUMBER -> (Double) rs.getObject(col);
          };
      row.put(f.name(), value);
      col++;
    }
    return row;
  }
}
