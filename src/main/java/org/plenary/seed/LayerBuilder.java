package org.plenary.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.plenary.seed.SeedReader.Row;

/**
 * Builds the layers of the published dataset from their source files (scripts/build-layers): pure
 * file-to-file code, no database. Each layer is a directory of CSV files in the database's own
 * column names ({@link Layers} copies them in with COPY), written deterministically, so running the
 * command again on the same sources gives the same bytes.
 *
 * <ul>
 *   <li>{@code voeten}: Voeten's General Assembly roll calls 1946–2020 as packaged in unvotes
 *       (../shared/data/voeten): votes, country votes, Voeten's six issues as topics, historic
 *       states, and the links of curated votes to the same roll calls (the curated record stands;
 *       where the two differ, a conflict).
 *   <li>{@code sc-vetoes}: the Security Council's vetoed drafts 1946–2022
 *       (../shared/data/sc-vetoes) as votes that failed, with the permanent members that voted no
 *       as known ballots.
 * </ul>
 *
 * <p>Usage: {@code LayerBuilder SEED_DIR VOETEN_DIR VETO_CSV MEMBER_STATES_CSV [RCID,...]}: writes
 * SEED_DIR/layers/voeten and SEED_DIR/layers/sc-vetoes; with a list of rcids, only those roll calls
 * (and the vetoes of their years) are kept: how the test fixture's layers are cut.
 */
public final class LayerBuilder {
  static final String VOETEN = "voeten";
  static final String VETOES = "sc-vetoes";
  static final String VOETEN_SOURCE = "voeten-unga-voting";
  static final String VETO_SOURCE = "dhl-veto-list-wpdl";
  static final String SC = "security-council";

  /** Voeten's issue codes: the topic's readable id and name. */
  static final Map<String, String[]> ISSUES = new LinkedHashMap<>();

  static {
    ISSUES.put("me", new String[] {"palestinian-conflict", "Palestinian conflict"});
    ISSUES.put("nu", new String[] {"nuclear-weapons", "Nuclear weapons and nuclear material"});
    ISSUES.put("di", new String[] {"arms-control", "Arms control and disarmament"});
    ISSUES.put("hr", new String[] {"human-rights", "Human rights"});
    ISSUES.put("co", new String[] {"colonialism", "Colonialism"});
    ISSUES.put("ec", new String[] {"economic-development", "Economic development"});
  }

  /**
   * States that no longer exist, as Voeten codes them (alpha-2, or by name where the code is
   * empty): Plenary's id, the name, and what the data says about them.
   */
  record Historic(String id, String name, String note) {}

  static final Map<String, Historic> HISTORIC = new LinkedHashMap<>();

  static {
    HISTORIC.put(
        "YU",
        new Historic(
            "YUG",
            "Yugoslavia",
            "Voeten's code YU, 'Yugoslavia': the data keeps this code through 2020, for Serbia after"
                + " Montenegro's first vote (ME, 2006-10-30); its record continues as Serbia's"
                + " (SRB). The curated roll calls of A/RES/73/187 and A/RES/74/247 record it as SRB."));
    HISTORIC.put(
        "CS",
        new Historic(
            "CSK",
            "Czechoslovakia",
            "Voeten's code CS, 'Czechoslovakia' (votes 1946-1992); Czechia (CZ) and Slovakia (SK)"
                + " vote from 1993."));
    HISTORIC.put(
        "DD",
        new Historic(
            "DDR",
            "German Democratic Republic",
            "Voeten's code DD, 'German Democratic Republic' (votes 1973-1989)."));
    HISTORIC.put(
        "YD",
        new Historic(
            "YMD",
            "Yemen People's Republic",
            "Voeten's code YD, 'Yemen People's Republic' (votes 1967-1989); Yemen (YE) votes from"
                + " 1991."));
    HISTORIC.put(
        "TW",
        new Historic(
            "TWN",
            "Taiwan",
            "Voeten's code TW, 'Taiwan': the delegation that held China's seat in the votes of"
                + " 1946-1971; China (CN) votes from 1971-11-03. Named as Voeten names it."));
    HISTORIC.put(
        "name:Yemen Arab Republic",
        new Historic(
            "YAR",
            "Yemen Arab Republic",
            "Voeten's data gives no code (empty), name 'Yemen Arab Republic' (votes 1947-1990);"
                + " Yemen (YE) votes from 1991."));
    HISTORIC.put(
        "name:Zanzibar",
        new Historic(
            "ZAN",
            "Zanzibar",
            "Voeten's data gives no code (empty), name 'Zanzibar' (2 votes, 1963-12-03). ZAN is"
                + " Plenary's id: no ISO code exists."));
  }

  /** An empty code told apart by name that is a current member (the UN Digital Library's code). */
  static final Map<String, String> CURRENT_BY_NAME = Map.of("Federal Republic of Germany", "DEU");

  /**
   * Successions the layer states, each with the evidence in Voeten's data (dates of the first and
   * last votes); the date of the succession itself is in none of the sources at hand: null.
   */
  static final List<String[]> SUCCESSIONS =
      List.of(
          new String[] {
            "YUG",
            "SRB",
            "Voeten's data keeps code YU ('Yugoslavia') for Serbia through 2020; the curated roll"
                + " calls of A/RES/73/187 (rcid 6138) and A/RES/74/247 (rcid 9087) map it to SRB"
          },
          new String[] {
            "CSK",
            "CZE",
            "CS ('Czechoslovakia') votes to 1992-12-06; CZ ('Czechia') from 1993-11-02"
          },
          new String[] {
            "CSK",
            "SVK",
            "CS ('Czechoslovakia') votes to 1992-12-06; SK ('Slovakia') from 1993-11-02"
          },
          new String[] {
            "DDR",
            "DEU",
            "DD ('German Democratic Republic') votes to 1989-12-06; DE ('Germany') from 1991-10-03"
          },
          new String[] {
            "YMD",
            "YEM",
            "YD ('Yemen People's Republic') votes to 1989-12-06; YE ('Yemen') from 1991-10-03"
          },
          new String[] {
            "YAR",
            "YEM",
            "'Yemen Arab Republic' (no code) votes to 1990-12-06; YE ('Yemen') from 1991-10-03"
          });

  private LayerBuilder() {}

  public static void main(String... args) throws IOException {
    if (args.length < 4 || args.length > 5) {
      System.err.println(
          "usage: LayerBuilder SEED_DIR VOETEN_DIR VETO_CSV MEMBER_STATES_CSV [RCID,...]");
      System.exit(2);
    }
    Path seed = Path.of(args[0]);
    Set<Integer> only = null;
    if (args.length == 5) {
      only = new LinkedHashSet<>();
      for (String s : args[4].split(",")) {
        only.add(Integer.parseInt(s.trim()));
      }
    }
    Map<String, String> alpha3 = alpha3(Path.of(args[3]));
    Summary v = buildVoeten(seed, Path.of(args[1]), alpha3, only, System.out::println);
    System.out.println(v);
    Set<Integer> years = null;
    if (only != null) {
      years = v.years();
    }
    Summary s = buildVetoes(seed, Path.of(args[2]), years, System.out::println);
    System.out.println(s);
  }

  /** What a build wrote. */
  record Summary(String layer, Map<String, Long> rows, Set<Integer> years) {
    @Override
    public String toString() {
      return "layer " + layer + ": " + rows;
    }
  }

  /** ISO alpha-2 to alpha-3, from the member-state list (iso3,iso2,... header). */
  static Map<String, String> alpha3(Path memberStates) throws IOException {
    Map<String, String> out = new HashMap<>();
    try (CSVParser p = parse(memberStates)) {
      for (CSVRecord r : p) {
        out.put(r.get("iso2"), r.get("iso3"));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Voeten's General Assembly history

  private record RollCall(
      int rcid,
      String session,
      boolean important,
      String date,
      String unres,
      boolean amend,
      boolean para,
      String title,
      String description) {}

  private record Curated(String id, String canonical, String date, int[] tallies) {}

  static Summary buildVoeten(
      Path seed, Path voeten, Map<String, String> alpha3, Set<Integer> only, Consumer<String> log)
      throws IOException {
    SeedReader.SeedData data = SeedReader.read(SeedFiles.directory(seed));
    Set<String> delegations = new LinkedHashSet<>();
    data.table("delegation").forEach(r -> delegations.add(r.text("id")));

    Map<Integer, RollCall> rollCalls = new TreeMap<>();
    try (CSVParser p = parse(voeten.resolve("un_roll_calls.csv.gz"))) {
      for (CSVRecord r : p) {
        int rcid = Integer.parseInt(r.get("rcid"));
        if (only != null && !only.contains(rcid)) {
          continue;
        }
        rollCalls.put(
            rcid,
            new RollCall(
                rcid,
                r.get("session"),
                r.get("importantvote").equals("1"),
                r.get("date"),
                blankToNull(r.get("unres")),
                r.get("amend").equals("1"),
                r.get("para").equals("1"),
                blankToNull(r.get("short")),
                blankToNull(r.get("descr"))));
      }
    }
    // ballots by roll call, delegation id -> vote; the names Voeten uses for each delegation
    Map<Integer, Map<String, String>> ballots = new HashMap<>();
    Map<String, Set<String>> names = new TreeMap<>();
    Set<String> historicUsed = new LinkedHashSet<>();
    try (CSVParser p = parse(voeten.resolve("un_votes.csv.gz"))) {
      for (CSVRecord r : p) {
        int rcid = Integer.parseInt(r.get("rcid"));
        if (!rollCalls.containsKey(rcid)) {
          continue;
        }
        String id = delegationId(r.get("country_code"), r.get("country"), alpha3);
        if (!delegations.contains(id)) {
          historicUsed.add(id);
        }
        names.computeIfAbsent(id, k -> new java.util.TreeSet<>()).add(r.get("country"));
        String vote = r.get("vote");
        if (!Set.of("yes", "no", "abstain").contains(vote)) {
          throw new IllegalArgumentException(
              "un_votes.csv.gz rcid " + rcid + ": vote '" + vote + "' is not yes, no or abstain");
        }
        String before = ballots.computeIfAbsent(rcid, k -> new TreeMap<>()).put(id, vote);
        if (before != null) {
          throw new IllegalArgumentException(
              "un_votes.csv.gz rcid " + rcid + ": two rows for " + id);
        }
      }
    }
    Map<Integer, List<String[]>> issues = new TreeMap<>();
    try (CSVParser p = parse(voeten.resolve("un_roll_call_issues.csv.gz"))) {
      for (CSVRecord r : p) {
        int rcid = Integer.parseInt(r.get("rcid"));
        if (!rollCalls.containsKey(rcid)) {
          continue;
        }
        if (!ISSUES.containsKey(r.get("short_name"))) {
          throw new IllegalArgumentException("unknown issue code '" + r.get("short_name") + "'");
        }
        issues.computeIfAbsent(rcid, k -> new ArrayList<>()).add(ISSUES.get(r.get("short_name")));
      }
    }

    // the curated recorded votes, by their adopted resolution and date
    Map<String, String> symbolOfDocument = new HashMap<>();
    data.table("document").forEach(r -> symbolOfDocument.put(r.text("id"), r.text("symbol")));
    Map<String, String> adopted = new HashMap<>();
    data.table("vote_document").stream()
        .filter(r -> r.text("role").equals("adopted_text"))
        .forEach(r -> adopted.put(r.text("vote_id"), symbolOfDocument.get(r.text("document_id"))));
    List<Curated> curated = new ArrayList<>();
    for (Row r : data.table("vote")) {
      String symbol = adopted.get(r.text("id"));
      if (symbol == null || !r.text("method").equals("recorded")) {
        continue;
      }
      PartialDate d = (PartialDate) r.get("date");
      if (!d.precision().equals("day")) {
        continue;
      }
      curated.add(
          new Curated(
              r.text("id"),
              Symbols.canonical(symbol),
              d.first().toString(),
              new int[] {intOr(r.get("yes")), intOr(r.get("no")), intOr(r.get("abstain"))}));
    }
    Map<String, List<String[]>> curatedBallots = new HashMap<>();
    for (Row r : data.table("roll_call")) {
      curatedBallots
          .computeIfAbsent(r.text("vote_id"), k -> new ArrayList<>())
          .add(new String[] {r.text("delegation_id"), r.text("vote")});
    }
    Map<Integer, Curated> links = new TreeMap<>();
    for (Curated cv : curated) {
      List<RollCall> same =
          rollCalls.values().stream()
              .filter(rc -> rc.date().equals(cv.date()))
              .filter(rc -> cv.canonical().equals(Symbols.canonical(rc.unres())))
              .toList();
      if (same.size() > 1) {
        same =
            same.stream()
                .filter(
                    rc -> java.util.Arrays.equals(tallies(ballots.get(rc.rcid())), cv.tallies()))
                .toList();
      }
      if (same.size() == 1) {
        links.put(same.get(0).rcid(), cv);
        log.accept("linked: " + cv.id() + " = rcid " + same.get(0).rcid());
      } else if (!same.isEmpty()) {
        log.accept(cv.id() + ": " + same.size() + " roll calls match; none linked");
      }
    }

    Path dir = seed.resolve("layers").resolve(VOETEN);
    Files.createDirectories(dir);
    Map<String, Long> counts = new LinkedHashMap<>();
    String latest =
        rollCalls.values().stream().map(RollCall::date).max(String::compareTo).orElseThrow();
    writeManifest(dir, VOETEN, latest, "Voeten's General Assembly roll calls, 1946-2020");
    copyLicence(voeten, dir);
    try (LayerCsv w = new LayerCsv(dir.resolve("sources.csv"), SOURCE_COLUMNS)) {
      w.row(
          VOETEN_SOURCE,
          "Erik Voeten, Anton Strezhnev and Michael Bailey (Harvard Dataverse); packaged by David"
              + " Robinson in the R package unvotes",
          "United Nations General Assembly Voting Data",
          "https://github.com/dgrtwo/unvotes/tree/7eb7034314ff79c49c9e0785fcd9d216fa04cf14",
          "2021-03-08",
          "day",
          "dataset",
          "Harvard Dataverse hdl:1902.1/12379, dedicated to the public domain (CC0) as the unvotes"
              + " package's data-raw README records (package code MIT). unvotes commit 7eb7034"
              + " (2021-03-08), files data/un_votes.rda, un_roll_calls.rda, un_roll_call_issues.rda,"
              + " exported unchanged to CSV (../shared/data/voeten). Absences are not listed: a"
              + " roll call records only yes, no and abstain.");
      counts.put("sources", w.rows());
    }
    List<String> historicIds = new ArrayList<>();
    try (LayerCsv w = new LayerCsv(dir.resolve("delegations.csv"), DELEGATION_COLUMNS)) {
      for (Historic h : HISTORIC.values()) {
        if (historicUsed.contains(h.id())) {
          w.row(h.id(), null, h.name(), "member_state", "false", null, "none", h.note());
          historicIds.add(h.id());
        }
      }
      counts.put("delegations", w.rows());
    }
    try (LayerCsv w = new LayerCsv(dir.resolve("delegation_names.csv"), NAME_COLUMNS)) {
      for (var e : names.entrySet()) {
        for (String name : e.getValue()) {
          w.row(e.getKey(), "en", name, VOETEN_SOURCE);
        }
      }
      counts.put("delegation_names", w.rows());
    }
    try (LayerCsv w = new LayerCsv(dir.resolve("delegation_successions.csv"), SUCCESSION_COLUMNS)) {
      for (String[] s : SUCCESSIONS) {
        if ((historicIds.contains(s[0]) || delegations.contains(s[0]))
            && (historicIds.contains(s[1]) || delegations.contains(s[1]))
            && historicIds.contains(s[0])) {
          w.row(
              s[0],
              s[1],
              null,
              null,
              "The date of the succession is not in the sources at hand.",
              VOETEN_SOURCE,
              s[2]);
        }
      }
      counts.put("delegation_successions", w.rows());
    }
    try (LayerCsv w = new LayerCsv(dir.resolve("topics.csv"), TOPIC_COLUMNS)) {
      for (var e : ISSUES.entrySet()) {
        w.row(
            e.getValue()[0],
            "voeten",
            e.getValue()[1],
            "Voeten's issue code '"
                + e.getKey()
                + "', assigned by searching the roll calls' descriptions: not exhaustive.");
      }
      counts.put("topics", w.rows());
    }
    try (LayerCsv votes = new LayerCsv(dir.resolve("votes.csv.gz"), VOTE_COLUMNS);
        LayerCsv rolls = new LayerCsv(dir.resolve("roll_calls.csv.gz"), ROLL_CALL_COLUMNS);
        LayerCsv topics = new LayerCsv(dir.resolve("vote_topics.csv"), VOTE_TOPIC_COLUMNS);
        LayerCsv cites = new LayerCsv(dir.resolve("citations.csv.gz"), CITATION_COLUMNS);
        LayerCsv linkFile = new LayerCsv(dir.resolve("links.csv"), LINK_COLUMNS);
        LayerCsv conflicts = new LayerCsv(dir.resolve("conflicts.csv"), CONFLICT_COLUMNS)) {
      // the country votes in the order of the table's primary key (vote_id, delegation_id, as
      // text):
      // a first start builds the key from presorted rows, about twice as fast
      Map<String, Map<String, String>> ballotsOfVote = new TreeMap<>();
      for (RollCall rc : rollCalls.values()) {
        Map<String, String> b = ballots.getOrDefault(rc.rcid(), Map.of());
        int[] t = tallies(b);
        Curated cv = links.get(rc.rcid());
        String locator =
            "rcid " + rc.rcid() + (rc.unres() == null ? "" : " (unres " + rc.unres() + ")");
        String voteId = cv != null ? cv.id() : "voeten-" + rc.rcid();
        if (cv != null) {
          linkFile.row(
              cv.id(), rc.rcid(), rc.session(), rc.unres(), rc.amend(), rc.para(), rc.important());
          cites.row("vote", cv.id(), VOETEN_SOURCE, locator);
          cites.row("roll_call", cv.id(), VOETEN_SOURCE, locator);
          conflicts(
              conflicts, cv, rc.rcid(), t, b, curatedBallots.getOrDefault(cv.id(), List.of()));
        } else {
          votes.row(
              voteId,
              "ga-plenary",
              rc.date(),
              "day",
              subject(rc),
              "recorded",
              null,
              t[0],
              t[1],
              t[2],
              null,
              "partial",
              null,
              "single_source",
              note(rc),
              rc.session(),
              rc.unres(),
              rc.rcid(),
              rc.amend(),
              rc.para(),
              rc.important(),
              null);
          ballotsOfVote.put(voteId, b);
          cites.row("vote", voteId, VOETEN_SOURCE, locator);
          cites.row("roll_call", voteId, VOETEN_SOURCE, locator);
        }
        for (String[] issue : issues.getOrDefault(rc.rcid(), List.of())) {
          topics.row(voteId, issue[0]);
        }
      }
      for (var v : ballotsOfVote.entrySet()) {
        for (var e : v.getValue().entrySet()) {
          rolls.row(v.getKey(), e.getKey(), e.getValue());
        }
      }
      for (String id : historicIds) {
        cites.row(
            "delegation",
            id,
            VOETEN_SOURCE,
            "un_votes: country '" + String.join("', '", names.get(id)) + "'");
      }
      counts.put("votes", votes.rows());
      counts.put("roll_calls", rolls.rows());
      counts.put("vote_topics", topics.rows());
      counts.put("citations", cites.rows());
      counts.put("links", linkFile.rows());
      counts.put("conflicts", conflicts.rows());
    }
    Set<Integer> years = new java.util.TreeSet<>();
    rollCalls.values().forEach(rc -> years.add(Integer.parseInt(rc.date().substring(0, 4))));
    return new Summary(VOETEN, counts, years);
  }

  /** Voeten's short title, else the start of the description; the vote needs a subject. */
  private static String subject(RollCall rc) {
    if (rc.title() != null) {
      return rc.title();
    }
    if (rc.description() != null) {
      return rc.description().length() > 120
          ? rc.description().substring(0, 117) + "..."
          : rc.description();
    }
    return "Roll call " + rc.rcid() + " (no title in Voeten's data)";
  }

  private static String note(RollCall rc) {
    StringBuilder sb = new StringBuilder();
    if (rc.description() != null) {
      sb.append(rc.description());
    }
    if (rc.amend() || rc.para()) {
      sb.append(sb.length() > 0 ? " " : "")
          .append(rc.amend() ? "(A vote on an amendment.)" : "(A separate vote on a paragraph.)");
    }
    sb.append(sb.length() > 0 ? " " : "")
        .append(
            "Voeten's data lists only yes, no and abstain: who was absent or did not vote is"
                + " unknown, and the outcome is not recorded.");
    return sb.toString();
  }

  private static void conflicts(
      LayerCsv out,
      Curated cv,
      int rcid,
      int[] tallies,
      Map<String, String> voeten,
      List<String[]> curatedRows) {
    String locator = "rcid " + rcid;
    String[] fields = {"yes", "no", "abstain"};
    for (int i = 0; i < 3; i++) {
      if (cv.tallies()[i] >= 0 && cv.tallies()[i] != tallies[i]) {
        out.row(
            cv.id() + "--" + fields[i],
            cv.id(),
            fields[i],
            null,
            cv.tallies()[i],
            null,
            tallies[i],
            VOETEN_SOURCE,
            locator,
            "Voeten's count of " + fields[i] + " ballots differs from the curated tally");
      }
    }
    Map<String, String> mine = new HashMap<>();
    curatedRows.forEach(r -> mine.put(r[0], r[1]));
    for (var e : voeten.entrySet()) {
      String published = mine.get(e.getKey());
      if (!e.getValue().equals(published)) {
        out.row(
            cv.id() + "--ballot--" + e.getKey(),
            cv.id(),
            "ballot",
            e.getKey(),
            published,
            null,
            e.getValue(),
            VOETEN_SOURCE,
            locator,
            published == null
                ? "Voeten's data records this delegation, the curated roll call does not"
                    + (e.getKey().equals("YUG")
                        ? " (Voeten codes Serbia 'Yugoslavia'; the curated roll call records SRB)"
                        : "")
                : "Voeten's data and the curated roll call differ");
      }
    }
  }

  static int[] tallies(Map<String, String> ballots) {
    int[] t = new int[3];
    if (ballots != null) {
      for (String v : ballots.values()) {
        t[List.of("yes", "no", "abstain").indexOf(v)]++;
      }
    }
    return t;
  }

  private static int intOr(Object v) {
    return v == null ? -1 : (Integer) v;
  }

  static String delegationId(String code, String name, Map<String, String> alpha3) {
    if (code.isEmpty()) {
      String current = CURRENT_BY_NAME.get(name);
      if (current != null) {
        return current;
      }
      Historic h = HISTORIC.get("name:" + name);
      if (h == null) {
        throw new IllegalArgumentException(
            "un_votes.csv.gz: no code and an unknown name '" + name + "'");
      }
      return h.id();
    }
    Historic h = HISTORIC.get(code);
    if (h != null) {
      return h.id();
    }
    String id = alpha3.get(code);
    if (id == null) {
      throw new IllegalArgumentException(
          "un_votes.csv.gz: code '"
              + code
              + "' ('"
              + name
              + "') is neither a member's nor a known historic code");
    }
    return id;
  }

  // ---------------------------------------------------------------------------------------------
  // The Security Council's vetoes

  /** The veto list's names of the permanent members: Plenary's delegation. */
  static final Map<String, String> PERMANENT =
      Map.of(
          "USSR", "SUN",
          "Russia", "RUS",
          "USA", "USA",
          "UK", "GBR",
          "France", "FRA",
          "China", "CHN");

  static Summary buildVetoes(Path seed, Path csv, Set<Integer> years, Consumer<String> log)
      throws IOException {
    Path dir = seed.resolve("layers").resolve(VETOES);
    Files.createDirectories(dir);
    Map<String, Long> counts = new LinkedHashMap<>();
    DateTimeFormatter mdy = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.ROOT);
    record Veto(
        String id,
        LocalDate date,
        String draft,
        String meeting,
        String agenda,
        List<String> members) {}
    List<Veto> vetoes = new ArrayList<>();
    Map<String, Integer> perId = new HashMap<>();
    try (CSVParser p = parse(csv)) {
      for (CSVRecord r : p) {
        LocalDate date = LocalDate.parse(r.get("date"), mdy);
        if (years != null && !years.contains(date.getYear())) {
          continue;
        }
        List<String> members = new ArrayList<>();
        for (String col : List.of("member_veto1", "member_veto2", "member_veto3")) {
          String m = r.get(col).trim();
          if (!m.isEmpty()) {
            if (!PERMANENT.containsKey(m)) {
              throw new IllegalArgumentException(
                  csv + " line " + r.getRecordNumber() + ": unknown member '" + m + "'");
            }
            members.add(m);
          }
        }
        String draft = r.get("draft").trim();
        String base = "sc-veto-" + draft.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        int n = perId.merge(base, 1, Integer::sum);
        String id = n == 1 ? base : base + "-" + n;
        vetoes.add(
            new Veto(
                id,
                date,
                draft,
                r.get("meeting_record").trim(),
                r.get("agenda_item").trim(),
                members));
      }
    }
    // ids of drafts listed twice (the list has one row per draft) get -2, -3 in file order
    String latest =
        vetoes.stream().map(v -> v.date().toString()).max(String::compareTo).orElse("1946-01-01");
    writeManifest(dir, VETOES, latest, "The Security Council's vetoed drafts, 1946-2022");
    copyLicence(csv.toAbsolutePath().getParent(), dir);
    try (LayerCsv w = new LayerCsv(dir.resolve("sources.csv"), SOURCE_COLUMNS)) {
      w.row(
          VETO_SOURCE,
          "World Politics Data Lab, from the Dag Hammarskjöld Library's veto list",
          "Vetoes in the UN Security Council, 1946-2022 (unsc_vetoes_1946_sept2022.csv)",
          "https://github.com/world-politics-datalab/vetoes-un-security-council",
          null,
          null,
          "dataset",
          "Commit 661c524, MIT licence; taken from the Dag Hammarskjöld Library's veto list"
              + " (research.un.org/en/docs/sc/quick/veto). One row per vetoed draft; it stops in"
              + " September 2022. By the members named in member_veto1..3 (Plenary's ballots):"
              + " USSR 90, USA 82, Russia 31, UK 29, China 17, France 16; the file's 0/1 flag"
              + " columns sum to USSR 84, USA 71, Russia 31, UK 29, China 17, France 7 (they"
              + " disagree with the names on some rows). The Library's own totals count some"
              + " vetoes differently (per draft, per paragraph).");
      counts.put("sources", w.rows());
    }
    try (LayerCsv w = new LayerCsv(dir.resolve("bodies.csv"), BODY_COLUMNS)) {
      w.row(
          SC,
          "Security Council",
          "plenary",
          null,
          "The United Nations Security Council; five permanent members hold a veto.");
      counts.put("bodies", w.rows());
    }
    boolean ussr = vetoes.stream().anyMatch(v -> v.members().contains("USSR"));
    try (LayerCsv w = new LayerCsv(dir.resolve("delegations.csv"), DELEGATION_COLUMNS)) {
      if (ussr) {
        w.row(
            "SUN",
            null,
            "USSR",
            "member_state",
            "false",
            null,
            "none",
            "The Union of Soviet Socialist Republics, a permanent member of the Security Council,"
                + " named 'USSR' in the veto list (its vetoes to 1990); the list names Russia's"
                + " vetoes 'Russia' from 1993. Voeten's General Assembly data codes the USSR's votes"
                + " as Russia's (RU). SUN is its ISO 3166-3 former code.");
      }
      counts.put("delegations", w.rows());
    }
    try (LayerCsv w = new LayerCsv(dir.resolve("delegation_names.csv"), NAME_COLUMNS)) {
      List<String> seen = new ArrayList<>();
      for (String m : new java.util.TreeSet<>(PERMANENT.keySet())) {
        if ((m.equals("USSR") && !ussr) || seen.contains(m)) {
          continue;
        }
        seen.add(m);
        w.row(PERMANENT.get(m), "en", m, VETO_SOURCE);
      }
      counts.put("delegation_names", w.rows());
    }
    try (LayerCsv w = new LayerCsv(dir.resolve("delegation_successions.csv"), SUCCESSION_COLUMNS)) {
      if (ussr) {
        w.row(
            "SUN",
            "RUS",
            null,
            null,
            "The date of the succession is not in the sources at hand.",
            VETO_SOURCE,
            "member_veto: 'USSR' on the vetoes to 1990, 'Russia' from 1993");
      }
      counts.put("delegation_successions", w.rows());
    }
    try (LayerCsv w = new LayerCsv(dir.resolve("body_members.csv"), BODY_MEMBER_COLUMNS)) {
      for (String m : List.of("China", "France", "Russia", "UK", "USA", "USSR")) {
        if (m.equals("USSR") && !ussr) {
          continue;
        }
        w.row(
            SC,
            PERMANENT.get(m),
            "true",
            "Permanent member (named '"
                + m
                + "' in the veto list); the dates of its seat are not in the layer's source.",
            VETO_SOURCE);
      }
      counts.put("body_members", w.rows());
    }
    Map<String, String> agendaIds = new TreeMap<>();
    for (Veto v : vetoes) {
      agendaIds.putIfAbsent(v.agenda(), null);
    }
    Map<String, Integer> slugCount = new HashMap<>();
    for (String agenda : agendaIds.keySet()) {
      String slug = "sc-agenda-" + slugify(agenda);
      int n = slugCount.merge(slug, 1, Integer::sum);
      agendaIds.put(agenda, n == 1 ? slug : slug + "-" + n);
    }
    try (LayerCsv w = new LayerCsv(dir.resolve("topics.csv"), TOPIC_COLUMNS)) {
      for (var e : agendaIds.entrySet()) {
        w.row(
            e.getValue(),
            "agenda",
            e.getKey(),
            "A Security Council agenda item, as the veto list names it.");
      }
      counts.put("topics", w.rows());
    }
    try (LayerCsv votes = new LayerCsv(dir.resolve("votes.csv"), VOTE_COLUMNS);
        LayerCsv rolls = new LayerCsv(dir.resolve("roll_calls.csv"), ROLL_CALL_COLUMNS);
        LayerCsv topics = new LayerCsv(dir.resolve("vote_topics.csv"), VOTE_TOPIC_COLUMNS);
        LayerCsv cites = new LayerCsv(dir.resolve("citations.csv"), CITATION_COLUMNS)) {
      for (Veto v : vetoes) {
        List<String> names = v.members();
        votes.row(
            v.id(),
            SC,
            v.date().toString(),
            "day",
            v.agenda(),
            "recorded",
            "vetoed",
            null,
            null,
            null,
            null,
            "partial",
            v.meeting(),
            "single_source",
            "Draft "
                + v.draft()
                + " vetoed by "
                + String.join(", ", names)
                + " (as the veto list names them). Only the permanent members that voted no are"
                + " known: the rest of the roll call, and the other tallies, are not in the source."
                + (v.draft().startsWith("S/PV.")
                    ? " The list gives a meeting record, not a draft symbol."
                    : ""),
            null,
            null,
            null,
            null,
            null,
            null,
            v.draft());
        for (String m : new java.util.TreeSet<>(names.stream().map(PERMANENT::get).toList())) {
          rolls.row(v.id(), m, "no");
        }
        topics.row(v.id(), agendaIds.get(v.agenda()));
        String locator = "draft " + v.draft() + ", " + v.date();
        cites.row("vote", v.id(), VETO_SOURCE, locator);
        cites.row("roll_call", v.id(), VETO_SOURCE, locator);
      }
      if (ussr) {
        cites.row("delegation", "SUN", VETO_SOURCE, "member_veto 'USSR'");
      }
      cites.row("body", SC, VETO_SOURCE, null);
      counts.put("votes", votes.rows());
      counts.put("roll_calls", rolls.rows());
      counts.put("vote_topics", topics.rows());
      counts.put("citations", cites.rows());
    }
    return new Summary(VETOES, counts, null);
  }

  static String slugify(String s) {
    String n =
        java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-|-$", "");
    if (n.length() > 60) {
      n = n.substring(0, 60).replaceAll("-[^-]*$", "");
    }
    return n;
  }

  // ---------------------------------------------------------------------------------------------
  // The files' columns (database names)

  static final List<String> SOURCE_COLUMNS =
      List.of(
          "id", "publisher", "title", "url", "published", "published_precision", "kind", "note");
  static final List<String> BODY_COLUMNS = List.of("id", "name", "kind", "parent_id", "note");
  static final List<String> DELEGATION_COLUMNS =
      List.of(
          "id",
          "iso2",
          "name",
          "kind",
          "un_member",
          "regional_group",
          "regional_group_status",
          "note");
  static final List<String> NAME_COLUMNS =
      List.of("delegation_id", "language", "name", "source_id");
  static final List<String> SUCCESSION_COLUMNS =
      List.of(
          "predecessor_id",
          "successor_id",
          "date",
          "date_precision",
          "note",
          "source_id",
          "locator");
  static final List<String> BODY_MEMBER_COLUMNS =
      List.of("body_id", "delegation_id", "permanent", "note", "source_id");
  static final List<String> TOPIC_COLUMNS = List.of("id", "scheme", "name", "note");
  static final List<String> VOTE_COLUMNS =
      List.of(
          "id",
          "body_id",
          "date",
          "date_precision",
          "subject",
          "method",
          "outcome",
          "yes",
          "no",
          "abstain",
          "non_voting",
          "roll_call_status",
          "meeting",
          "certainty",
          "note",
          "session",
          "resolution",
          "voeten_rcid",
          "amend",
          "para",
          "important_vote",
          "draft");
  static final List<String> ROLL_CALL_COLUMNS = List.of("vote_id", "delegation_id", "vote");
  static final List<String> VOTE_TOPIC_COLUMNS = List.of("vote_id", "topic_id");
  static final List<String> CITATION_COLUMNS =
      List.of("record_type", "record_id", "source_id", "locator");

  /**
   * links.csv of the voeten layer: what it sets on a curated vote that is one of its roll calls.
   */
  static final List<String> LINK_COLUMNS =
      List.of("id", "voeten_rcid", "session", "resolution", "amend", "para", "important_vote");

  static final List<String> CONFLICT_COLUMNS =
      List.of(
          "id",
          "vote_id",
          "field",
          "delegation_id",
          "published_value",
          "published_source_id",
          "other_value",
          "other_source_id",
          "other_locator",
          "note");

  private static void writeManifest(Path dir, String name, String date, String what) {
    try (LayerCsv w =
        new LayerCsv(dir.resolve("layer.csv"), List.of("name", "date", "description"))) {
      w.row(name, date, what);
    }
  }

  /**
   * The source's licence file ({@code LICENSE} in its folder), copied unchanged into the layer as
   * {@code LICENSE}: a licence such as the veto list's MIT asks that its notice go with every copy
   * of the data, so it goes with the layer into the published dataset, the jar and, loaded into
   * {@code layer.licence}, every release's dumps. A source without one (Voeten's data is in the
   * public domain) leaves none.
   */
  static void copyLicence(Path sourceDir, Path layerDir) throws IOException {
    Path from = sourceDir.resolve(Layers.LICENCE);
    Path to = layerDir.resolve(Layers.LICENCE);
    if (Files.isRegularFile(from)) {
      Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } else {
      Files.deleteIfExists(to);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static CSVParser parse(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (file.getFileName().toString().endsWith(".gz")) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
    return CSVParser.parse(
        r, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build());
  }

  static UncheckedIOException unchecked(IOException e) {
    return new UncheckedIOException(e);
  }
}
