package org.plenary.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.plenary.config.PlenaryConfig;
import org.plenary.seed.Column;
import org.plenary.seed.CsvCells;
import org.plenary.seed.Schema;
import org.plenary.seed.TableSpec;
import org.postgresql.PGConnection;

/**
 * The bulk dumps of the loaded release: one CSV per table, in exactly the format of seed-data/ (so
 * the loader reads both, and a dump reloads into an identical database), a Frictionless
 * datapackage.json describing them, a README, and a zip of all of these. Dumps are deterministic:
 * the same data gives byte-identical files (rows in primary-key order under the C collation, fixed
 * zip timestamps), so a file's SHA-256 is its identity. They are written once per dataset checksum,
 * to disk (plenary.dumps-dir, default PLENARY_DATA_DIR/dumps, mode 0700; never a shared temporary
 * directory), and served from there. Files found on disk are reused only when their SHA-256 is the
 * one just computed; a file changed or missing after that is noticed before it is served ({@link
 * #verified}) and the release is written again.
 */
@ApplicationScoped
public class Dumps {
  /** A dump file: its name, media type, size, SHA-256 and (for tables) row count. */
  public record DumpFile(
      String name,
      String table,
      String description,
      String mediaType,
      long bytes,
      String sha256,
      Long rows) {}

  /** The files of one release, on disk, with each file's size and mtime when it was verified. */
  /** A file checked on disk, with the release it belongs to (its directory and version). */
  public record Verified(Release release, DumpFile file) {}

  public record Release(
      String version,
      String checksum,
      Path dir,
      List<DumpFile> files,
      Map<String, java.nio.file.attribute.FileTime> verifiedAt) {
    public DumpFile file(String name) {
      return files.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }
  }

  private static final org.jboss.logging.Logger LOG =
      org.jboss.logging.Logger.getLogger(Dumps.class);

  /** Identifies the dumps' layout (tables, columns, descriptions) of this build. */
  private static final String LAYOUT = Integer.toHexString(Schema.DUMPED.toString().hashCode());

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Inject AgroalDataSource dataSource;
  @Inject DatasetState state;
  @Inject PlenaryConfig config;

  private volatile Release current;

  /** The dumps of the loaded dataset, written on first use. */
  public Release current() {
    DatasetState.Loaded loaded = state.loaded();
    Release r = current;
    if (r != null && r.checksum().equals(loaded.checksum())) {
      return r;
    }
    synchronized (this) {
      if (current == null || !current.checksum().equals(loaded.checksum())) {
        current = write(loaded);
      }
      return current;
    }
  }

  /**
   * The file of the current release, as recorded, with that release, when the file on disk is still
   * that file (same size and mtime as when verified, or else the same SHA-256); otherwise the
   * release is written again once, and null if the file still is not there.
   */
  public Verified verified(String name) {
    for (int attempt = 0; attempt < 2; attempt++) {
      Release r = current();
      DumpFile f = r.file(name);
      if (f == null) {
        return null;
      }
      if (intact(r, f)) {
        return new Verified(r, f);
      }
      LOG.warnf("Dump file %s changed or disappeared on disk; writing the release again", name);
      synchronized (this) {
        if (current == r) {
          current = null;
        }
      }
    }
    return null;
  }

  private static boolean intact(Release r, DumpFile f) {
    Path file = r.dir().resolve(f.name());
    try {
      if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
          || Files.size(file) != f.bytes()) {
        return false;
      }
      var seen = r.verifiedAt().get(f.name());
      return Files.getLastModifiedTime(file).equals(seen) || sha256(file).equals(f.sha256());
    } catch (IOException e) {
      return false;
    }
  }

  /** The directory the dumps are written under, created 0700. */
  Path root() throws IOException {
    Path root =
        config
            .dumpsDir()
            .filter(d -> !d.isBlank())
            .map(Path::of)
            .orElseGet(
                () ->
                    Path.of(config.dataDir().filter(d -> !d.isBlank()).orElse("data"))
                        .resolve("dumps"))
            .toAbsolutePath()
            .normalize();
    var owner = java.nio.file.attribute.PosixFilePermissions.fromString("rwx------");
    if (!Files.isDirectory(root)) {
      Files.createDirectories(
          root, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(owner));
    }
    Files.setPosixFilePermissions(root, owner);
    return root;
  }

  Release write(DatasetState.Loaded loaded) {
    try {
      Path root = root();
      Path tmp = Files.createTempDirectory(root, "writing-");
      String releaseDate =
          loaded.releasedAt() == null
              ? "1980-01-01"
              : loaded.releasedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString();
      List<DumpFile> all;
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
        all = writeFiles(c, loaded.version(), releaseDate, tmp);
        c.rollback();
      }
      // keyed by the data and by the dump layout: another build's files for the same data (a
      // table more, a changed description) are never served for these
      Path dir = root.resolve(loaded.checksum() + "-" + LAYOUT);
      if (Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !matches(dir, all)) {
        // not the files just computed (planted, altered, partly deleted): set them aside
        LOG.warnf("Dumps in %s differ from the release's; replacing them", dir);
        Path stale = Files.createTempDirectory(root, "stale-");
        Files.move(dir, stale.resolve("dir"), StandardCopyOption.ATOMIC_MOVE);
        deleteQuietly(stale);
      }
      if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        try {
          Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raced) {
          // another replica or thread wrote the same bytes first
        }
      }
      deleteQuietly(tmp);
      if (!matches(dir, all)) {
        throw new IOException("the dumps in " + dir + " changed while being written");
      }
      Map<String, java.nio.file.attribute.FileTime> times = new LinkedHashMap<>();
      for (DumpFile f : all) {
        times.put(f.name(), Files.getLastModifiedTime(dir.resolve(f.name())));
      }
      return new Release(loaded.version(), loaded.checksum(), dir, List.copyOf(all), times);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the dumps", e);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the dataset for the dumps", e);
    }
  }

  /** Whether {@code dir} holds exactly these files, each with its recorded size and SHA-256. */
  private static boolean matches(Path dir, List<DumpFile> files) throws IOException {
    for (DumpFile f : files) {
      Path file = dir.resolve(f.name());
      if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
          || Files.size(file) != f.bytes()
          || !sha256(file).equals(f.sha256())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Writes the dumps of the data {@code c} sees (in the caller's transaction) into {@code dir}: the
   * zip, datapackage.json, README.md and each table's CSV, in that order.
   */
  public List<DumpFile> writeFiles(Connection c, String version, String releaseDate, Path dir)
      throws SQLException, IOException {
    List<DumpFile> files = new ArrayList<>();
    List<TableSpec> tables = new ArrayList<>(Schema.DUMPED);
    List<Object> statementSources = statementSources(c);
    List<OutsideData> outside = outsideData(c);
    if (!statementSources.isEmpty()) {
      tables.add(STATEMENTS);
    }
    for (TableSpec t : tables) {
      MessageDigest sha = digest();
      Path file = dir.resolve(t.file());
      long rows;
      try (OutputStream out =
          new DigestOutputStream(
              new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), sha)) {
        rows = copyOut(c, t, out);
      }
      files.add(
          new DumpFile(
              t.file(),
              t.table(),
              t.description(),
              "text/csv",
              Files.size(file),
              HexFormat.of().formatHex(sha.digest()),
              rows));
    }
    byte[] datapackage =
        datapackage(version, files, releaseDate, tables, statementSources, outside);
    Files.write(dir.resolve("datapackage.json"), datapackage);
    byte[] readme = readme(version, files, releaseDate, outside).getBytes(StandardCharsets.UTF_8);
    Files.write(dir.resolve("README.md"), readme);
    List<String> entries = new ArrayList<>(List.of("datapackage.json", "README.md"));
    files.forEach(f -> entries.add(f.name()));
    String zipName = "plenary-" + version + ".zip";
    zip(dir, entries, dir.resolve(zipName), releaseDate);

    List<DumpFile> all = new ArrayList<>();
    all.add(
        new DumpFile(
            zipName,
            null,
            "Everything: every table, datapackage.json and README.md",
            "application/zip",
            Files.size(dir.resolve(zipName)),
            sha256(dir.resolve(zipName)),
            null));
    all.add(
        new DumpFile(
            "datapackage.json",
            null,
            "Frictionless Data Package descriptor: schemas, keys, licence, sources, checksums",
            "application/json",
            datapackage.length,
            sha256(datapackage),
            null));
    all.add(
        new DumpFile(
            "README.md",
            null,
            "What the files are, their licence, and how to read them",
            "text/markdown",
            readme.length,
            sha256(readme),
            null));
    all.addAll(files);
    return List.copyOf(all);
  }

  /**
   * Every curated table as seed-data CSV bytes, by file name, as {@code c} sees them: without the
   * rows of the layers built from outside data (they are rebuilt from their sources, never
   * curated), so that curation validates, archives and exports the curated dataset alone.
   */
  public static Map<String, byte[]> tables(Connection c) throws SQLException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (TableSpec t : Schema.TABLES) {
      var bytes = new java.io.ByteArrayOutputStream();
      try {
        copyCurated(c, t, bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out.put(t.file(), bytes.toByteArray());
    }
    return out;
  }

  /**
   * The columns of {@code t} as the CSV files write them (booleans as true/false, partial dates in
   * their own precision), each named after its column.
   */
  public static List<String> csvColumns(TableSpec t) {
    return csvColumns(t, false);
  }

  /**
   * {@link #csvColumns(TableSpec)}, with {@code cells} the text cells as the CSV files hold them: a
   * value a spreadsheet would run as a formula with its leading quote ({@link CsvCells}).
   */
  static List<String> csvColumns(TableSpec t, boolean cells) {
    List<String> select = new ArrayList<>();
    for (Column col : t.columns()) {
      String n = col.name();
      String expr =
          switch (col.type()) {
            case BOOLEAN -> "case when " + n + " then 'true' when not " + n + " then 'false' end";
            case DATE -> "to_char(" + n + ", 'YYYY-MM-DD')";
            case PARTIAL_DATE -> {
              String p = col.precisionColumn();
              yield "case "
                  + p
                  + " when 'year' then to_char("
                  + n
                  + ", 'YYYY') when 'month' then to_char("
                  + n
                  + ", 'YYYY-MM') else to_char("
                  + n
                  + ", 'YYYY-MM-DD') end";
            }
            case INTEGER -> n + "::text";
              // formula injection: a cell a spreadsheet would run gets a leading quote (CsvCells)
            case TEXT -> cells && col.allowed().isEmpty() ? CsvCells.sql(n) : n;
          };
      select.add(expr + " as " + n);
    }
    return select;
  }

  /** The table's curated rows (not the layers') as seed-data CSV, rows in primary-key order. */
  public static long copyCurated(Connection c, TableSpec t, OutputStream out)
      throws SQLException, IOException {
    String layers = "('" + String.join("', '", Schema.LAYER_ORIGINS) + "')";
    String where = Schema.hasOrigin(t.table()) ? " where origin not in " + layers : "";
    if (t.table().equals("citation")) {
      // an import cites the layers' records too (a Library roll call that is one of Voeten's
      // votes): such a citation belongs with the layer record it cites, not the curated data
      where +=
          (where.isEmpty() ? " where " : " and ")
              + "not exists (select 1 from vote lv where citation.record_type in ('vote',"
              + " 'roll_call') and lv.id = citation.record_id and lv.origin in "
              + layers
              + ") and not exists (select 1 from delegation ld where citation.record_type ="
              + " 'delegation' and ld.id = citation.record_id and ld.origin in "
              + layers
              + ") and not exists (select 1 from body lb where citation.record_type = 'body'"
              + " and lb.id = citation.record_id and lb.origin in "
              + layers
              + ")";
    }
    if (t.table().equals("vote_document")) {
      // an import links the documents it names to the layers' votes too: such a link belongs with
      // the layer vote, not the curated data
      where +=
          (where.isEmpty() ? " where " : " and ")
              + "not exists (select 1 from vote lv where lv.id = vote_document.vote_id and"
              + " lv.origin in "
              + layers
              + ")";
    }
    return copyOut(c, t, out, where);
  }

  /** The table as seed-data CSV: same header, same value forms, rows in primary-key order. */
  public static long copyOut(Connection c, TableSpec t, OutputStream out)
      throws SQLException, IOException {
    return copyOut(c, t, out, "");
  }

  private static long copyOut(Connection c, TableSpec t, OutputStream out, String where)
      throws SQLException, IOException {
    List<String> select = csvColumns(t, true);
    String order =
        t.primaryKey().stream()
            .map(k -> t.column(k).type() == Column.Type.TEXT ? k + " collate \"C\"" : k)
            .collect(Collectors.joining(", "));
    String sql =
        "copy (select "
            + String.join(", ", select)
            + " from "
            + t.table()
            + where
            + " order by "
            + order
            + ") to stdout with (format csv, header true)";
    return c.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, out);
  }

  /**
   * The General Debate's statements (imported from the UN General Debate Corpus, not Plenary's to
   * republish): their metadata only, never their text, dumped when a corpus was imported.
   */
  static final TableSpec STATEMENTS =
      new TableSpec(
          "statement",
          "statements.csv",
          List.of(
              Column.text("id", true, "Statement id: code-session-year, e.g. usa-74-2019"),
              Column.text(
                  "code",
                  true,
                  "The corpus's code of the speaking delegation: ISO 3166-1 alpha-3 for a member"
                      + " state (the delegation's id), a historic code for a former state, EU, PSE"
                      + " or VAT for observers"),
              Column.of(
                  "session", Column.Type.INTEGER, true, "General Assembly session (1 is 1946)"),
              Column.of("year", Column.Type.INTEGER, true, "Year of the session's general debate"),
              Column.text("speaker", false, "Who spoke, as the corpus's speakers' file records it"),
              Column.text("post", false, "The speaker's post, as recorded"),
              Column.of(
                  "paragraphs", Column.Type.INTEGER, true, "How many paragraphs the text has"),
              Column.of(
                  "characters", Column.Type.INTEGER, true, "Length of the text in characters"),
              Column.text(
                  "text_sha256",
                  true,
                  "SHA-256 of the statement's file in the corpus (to check a copy of the corpus"
                      + " against; the text itself is not in the dumps)"),
              Column.ref("source_id", true, "source", "The source cited: the corpus (ungdc)"),
              Column.text("locator", true, "The statement's file in the corpus")),
          List.of("id"),
          "Statements in the General Assembly's General Debate: their metadata, citing the UN"
              + " General Debate Corpus; not their texts, which are the corpus's (import it to"
              + " read and search them)");

  /**
   * The sources the statements cite (the corpus), as datapackage.json's sources name them: its
   * title and citation note (sources.csv's row), and where it is distributed. Empty when no corpus
   * was imported.
   */
  private static List<Object> statementSources(Connection c) throws SQLException {
    List<Object> out = new ArrayList<>();
    try (var s = c.createStatement();
        var rs =
            s.executeQuery(
                "select title, note, url from source where id in (select distinct source_id from"
                    + " statement) order by id collate \"C\"")) {
      while (rs.next()) {
        out.add(
            ordered(
                "title",
                "Statements (statements.csv): " + rs.getString(1) + ". " + rs.getString(2),
                "path",
                rs.getString(3)));
      }
    }
    return out;
  }

  /**
   * An outside dataset the data holds rows from: a loaded layer's source (origin = the layer), with
   * the licence notice that came with it ({@code layer.licence}) or null; or an imported file's
   * (origin {@code undl}: the UN Digital Library's; {@code ungdc}: the General Debate Corpus,
   * {@code statements} when the statements cite it).
   */
  record OutsideData(
      String title,
      String publisher,
      String url,
      String note,
      String origin,
      String licence,
      boolean statements) {}

  /** The terms of the UN Digital Library's files, which a deployer's dumps of them must carry. */
  public static final String LIBRARY_TERMS =
      "The rows from the UN Digital Library's files are copyright United Nations, for"
          + " non-commercial use with attribution (the Library's terms): cite each file as"
          + " \"United Nations Dag Hammarskjöld Library, <its title>, United Nations, <year>,"
          + " downloaded from <its address>, <download date>\". The Library does not allow them to"
          + " be downloaded automatically.";

  /** The outside datasets: the loaded layers' (by name), then the imported files' (by origin). */
  static List<OutsideData> outsideData(Connection c) throws SQLException {
    List<OutsideData> out = new ArrayList<>();
    try (var s = c.createStatement();
        var rs =
            s.executeQuery(
                "select s.title, s.publisher, s.url, s.note, s.origin, l.licence, s.id in (select"
                    + " source_id from statement) from source s left join layer l on l.name ="
                    + " s.origin where s.origin <> 'seed' order by l.name is null, s.origin collate"
                    + " \"C\", s.id collate \"C\"")) {
      while (rs.next()) {
        out.add(
            new OutsideData(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getBoolean(7)));
      }
    }
    return out;
  }

  private byte[] datapackage(
      String version,
      List<DumpFile> files,
      String releaseDate,
      List<TableSpec> tables,
      List<Object> statementSources,
      List<OutsideData> outside)
      throws IOException {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("profile", "tabular-data-package");
    p.put("name", config.dataset().name());
    p.put("title", config.dataset().title());
    p.put("version", version);
    p.put("created", releaseDate);
    p.put(
        "description",
        "UN votes and their roll calls, delegations, topics and documents, with the curated records"
            + " on the UN Convention against Cybercrime (organizations, people, stated positions,"
            + " events, signatures); every record cites its sources (citations.csv, sources.csv)."
            + " Parts built from outside datasets are named in sources, their licence notices in"
            + " README.md. An empty field means unknown.");
    p.put("homepage", "/v1/dataset");
    p.put(
        "licenses",
        List.of(
            ordered(
                "name", config.dataset().license(),
                "path", "https://creativecommons.org/licenses/by/4.0/",
                "title", "Creative Commons Attribution 4.0 International")));
    p.put("citation", config.dataset().citation().formatted(version));
    List<Object> sources =
        new ArrayList<>(
            List.of(
                ordered(
                    "title",
                    "Every source cited, per record: sources.csv and citations.csv",
                    "path",
                    "sources.csv"),
                ordered(
                    "title",
                    "Roll calls: Voeten, United Nations General Assembly voting data (via the unvotes R package)",
                    "path",
                    "https://github.com/dgrtwo/unvotes")));
    sources.addAll(statementSources);
    for (OutsideData o : outside) {
      if (o.statements()) {
        continue; // the statements' sources are listed above
      }
      Map<String, Object> source =
          ordered(
              "title",
              "Outside data: "
                  + o.title()
                  + (o.publisher() == null ? "" : " (" + o.publisher() + ")")
                  + (o.note() == null ? "" : ". " + o.note())
                  + (o.licence() == null ? "" : " Its licence notice is in README.md.")
                  + (o.origin().equals("undl") ? " " + LIBRARY_TERMS : ""));
      if (o.url() != null) {
        source.put("path", o.url());
      }
      sources.add(source);
    }
    p.put("sources", sources);
    List<Object> resources = new ArrayList<>();
    for (TableSpec t : tables) {
      DumpFile f = files.stream().filter(x -> t.file().equals(x.name())).findFirst().orElseThrow();
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("name", resourceName(t));
      r.put("path", t.file());
      r.put("profile", "tabular-data-resource");
      r.put("description", t.description());
      r.put("format", "csv");
      r.put("mediatype", "text/csv");
      r.put("encoding", "utf-8");
      r.put("bytes", f.bytes());
      r.put("hash", "sha256:" + f.sha256());
      r.put("rows", f.rows());
      r.put(
          "dialect",
          ordered(
              "delimiter",
              ",",
              "lineTerminator",
              "\n",
              "quoteChar",
              "\"",
              "doubleQuote",
              true,
              "header",
              true));
      r.put("schema", tableSchema(t));
      resources.add(r);
    }
    p.put("resources", resources);
    return JSON.writeValueAsBytes(p);
  }

  private static Map<String, Object> tableSchema(TableSpec t) {
    List<Object> fields = new ArrayList<>();
    List<Object> foreignKeys = new ArrayList<>();
    for (Column c : t.columns()) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("name", c.name());
      Map<String, Object> constraints = new LinkedHashMap<>();
      switch (c.type()) {
        case INTEGER -> f.put("type", "integer");
        case BOOLEAN -> {
          f.put("type", "boolean");
          f.put("trueValues", List.of("true"));
          f.put("falseValues", List.of("false"));
        }
        case DATE -> {
          f.put("type", "date");
          f.put("format", "default");
        }
        case PARTIAL_DATE -> {
          f.put("type", "string");
          f.put("format", "default");
          constraints.put("pattern", "\\d{4}(-\\d{2}(-\\d{2})?)?");
        }
        default -> f.put("type", "string");
      }
      f.put(
          "description",
          c.description()
              + (c.type() == Column.Type.PARTIAL_DATE
                  ? " (YYYY, YYYY-MM or YYYY-MM-DD: as precise as the source)"
                  : ""));
      if (c.required()) {
        constraints.put("required", true);
      }
      if (!c.allowed().isEmpty()) {
        constraints.put("enum", c.allowed().stream().sorted().toList());
      }
      if (!constraints.isEmpty()) {
        f.put("constraints", constraints);
      }
      fields.add(f);
      if (c.ref() != null) {
        TableSpec target = Schema.dumped(c.ref()).orElseThrow();
        foreignKeys.add(
            ordered(
                "fields", c.name(),
                "reference",
                    ordered(
                        "resource", resourceName(target), "fields", target.primaryKey().get(0))));
      }
    }
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("fields", fields);
    s.put("primaryKey", t.primaryKey());
    s.put("foreignKeys", foreignKeys);
    s.put("missingValues", List.of(""));
    return s;
  }

  static String resourceName(TableSpec t) {
    return t.file().substring(0, t.file().length() - ".csv".length());
  }

  private String readme(
      String version, List<DumpFile> files, String releaseDate, List<OutsideData> outside) {
    StringBuilder sb = new StringBuilder();
    sb.append("# ")
        .append(config.dataset().title())
        .append(", version ")
        .append(version)
        .append("\n\n");
    sb.append("Released ")
        .append(releaseDate)
        .append(". Licence: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/),")
        .append(
            " with attribution to Plenary and to the original sources named in sources.csv and citations.csv.")
        .append(
            " The roll calls come from Erik Voeten's UN General Assembly voting data (unvotes); cite it too.")
        .append(" Quotes are short excerpts attributed to their speakers and sources.\n\n");
    sb.append("Cite as: ").append(config.dataset().citation().formatted(version)).append("\n\n");
    if (!outside.isEmpty()) {
      sb.append("## Outside data\n\n")
          .append(
              "Parts of this release are built from these datasets; each of their records cites its"
                  + " source (citations.csv):\n\n");
      for (OutsideData o : outside) {
        sb.append("- ")
            .append(o.title())
            .append(o.publisher() == null ? "" : ", " + o.publisher())
            .append(o.url() == null ? "" : ", " + o.url())
            .append(o.note() == null ? "" : ". " + o.note())
            .append('\n');
      }
      sb.append('\n');
      if (outside.stream().anyMatch(o -> o.origin().equals("undl"))) {
        sb.append(LIBRARY_TERMS).append("\n\n");
      }
      for (OutsideData o : outside) {
        if (o.licence() != null) {
          sb.append("The rows from ")
              .append(o.title())
              .append(" come with this licence notice, which goes with every copy of them:\n\n")
              .append("```\n")
              .append(o.licence().strip())
              .append("\n```\n\n");
        }
      }
    }
    sb.append(
        "## Files\n\n`datapackage.json` describes every table (Frictionless Data Package: types, keys, checksums).\n\n");
    sb.append("| file | rows | sha256 | what |\n| --- | --- | --- | --- |\n");
    for (DumpFile f : files) {
      sb.append("| ")
          .append(f.name())
          .append(" | ")
          .append(f.rows())
          .append(" | ")
          .append(f.sha256())
          .append(" | ")
          .append(f.description())
          .append(" |\n");
    }
    sb.append("\n## Conventions\n\n")
        .append(
            "- UTF-8, comma-separated, a header row, `\\n` line ends, quotes only where needed (RFC 4180 quoting).\n")
        .append("- An empty field means unknown: never read it as 0.\n")
        .append(
            "- Dates are as precise as their source: `2024`, `2024-08` or `2024-08-08`; the database keeps\n")
        .append("  the first day and the precision.\n")
        .append(
            "- citations.csv links any record (record_type = its table, record_id = its id; for roll_call, the vote id)\n")
        .append("  to sources.csv.\n")
        .append(
            "- These files are also the format Plenary loads: a directory of them can be loaded with PLENARY_SEED_DIR.\n\n");
    sb.append("## Reading them\n\npandas:\n\n```python\nimport pandas as pd\n")
        .append(
            "votes = pd.read_csv(\"votes.csv\", dtype={\"yes\": \"Int64\", \"no\": \"Int64\", \"abstain\": \"Int64\", \"non_voting\": \"Int64\"},\n")
        .append("                    keep_default_na=False, na_values=[\"\"])\n")
        .append(
            "roll_calls = pd.read_csv(\"roll_calls.csv\", dtype=\"string\", keep_default_na=False)\n")
        .append(
            "```\n\n(`keep_default_na=False` keeps the ISO code `NA`, Namibia, from becoming a missing value.)\n\n")
        .append("R:\n\n```r\nlibrary(readr)\n")
        .append(
            "votes <- read_csv(\"votes.csv\", na = \"\", col_types = cols(yes = \"i\", no = \"i\", abstain = \"i\", non_voting = \"i\", .default = \"c\"))\n")
        .append(
            "roll_calls <- read_csv(\"roll_calls.csv\", na = \"\", col_types = cols(.default = \"c\"))\n```\n");
    return sb.toString();
  }

  /** A zip whose bytes depend only on its contents: fixed order, fixed timestamps. */
  private static void zip(Path dir, List<String> names, Path target, String releaseDate)
      throws IOException {
    long time =
        LocalDate.parse(releaseDate).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    try (ZipOutputStream zip =
        new ZipOutputStream(
            new BufferedOutputStream(Files.newOutputStream(target), 1 << 16),
            StandardCharsets.UTF_8)) {
      zip.setLevel(9);
      for (String name : names) {
        ZipEntry e = new ZipEntry(name);
        e.setTime(time);
        zip.putNextEntry(e);
        Files.copy(dir.resolve(name), zip);
        zip.closeEntry();
      }
    }
  }

  private static Map<String, Object> ordered(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  static String sha256(Path file) throws IOException {
    MessageDigest sha = digest();
    try (var in = new java.security.DigestInputStream(Files.newInputStream(file), sha)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // a temporary directory
    }
  }
}
