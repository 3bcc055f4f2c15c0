package org.plenary.curation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;
import org.plenary.dataset.Dumps;
import org.plenary.refusal.Refusal;
import org.plenary.release.Publisher;
import org.plenary.seed.SeedException;
import org.plenary.seed.SeedFiles;
import org.plenary.seed.SeedReader;
import org.plenary.seed.TableSpec;

/**
 * Change sets: proposed by an editor, approved or rejected by someone else, published by a release.
 * A change is checked when it is proposed and again when it is approved: every value against the
 * dataset's rules (Hibernate Validator, with the loader's column rules), every base against the
 * record as published now (409 when it moved), and the whole dataset with the change applied
 * against the loader's own checks (then rolled back).
 */
@ApplicationScoped
public class ChangeService {
  @Inject ChangeSetRepository changeSets;
  @Inject ReviewRepository reviews;
  @Inject EntityManager em;
  @Inject Validator validator;

  /** Validates the request's shape and values; a 422 naming every offending field. */
  public <T> void validate(T request) {
    Set<ConstraintViolation<T>> violations = validator.validate(request);
    if (violations.isEmpty()) {
      return;
    }
    List<Refusal.Field> params =
        violations.stream()
            .map(v -> new Refusal.Field(v.getPropertyPath().toString(), v.getMessage()))
            .sorted(Comparator.comparing(Refusal.Field::name))
            .toList();
    throw unprocessable(
        params.size() == 1
            ? "Field '" + params.get(0).name() + "': " + params.get(0).reason()
            : params.size() + " fields were refused; see invalid_params.",
        params);
  }

  static Refusal unprocessable(String detail, List<Refusal.Field> params) {
    return new Refusal(Refusal.Kind.INVALID_BODY, detail, params);
  }

  static Refusal conflict(String detail) {
    return Refusal.conflict(detail);
  }

  /** Proposes a change set: 201 with status proposed, or a 409/422 and nothing stored. */
  public Views.ChangeSetView propose(ChangeRequest request, TokenService.Caller author) {
    validate(request);
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              withConnection(c -> check(c, request.operations(), null));
              ChangeSet cs = new ChangeSet();
              cs.status = ChangeSet.PROPOSED;
              cs.reason = request.reason();
              cs.author = author.name();
              cs.authorRole = author.role();
              cs.proposedAt = OffsetDateTime.now(ZoneOffset.UTC);
              int seq = 0;
              for (ChangeRequest.Operation op : request.operations()) {
                ChangeOperation o = new ChangeOperation();
                o.changeSet = cs;
                o.seq = ++seq;
                o.op = op.op();
                o.tableName = RecordStore.collection(RecordStore.editable(op.collection()).get());
                o.recordId = op.id();
                o.base = op.base();
                o.payload =
                    RecordStore.json(
                        op.op().equals("create")
                            ? op.record()
                            : op.op().equals("update") ? op.set() : Map.of());
                o.sources = RecordStore.json(op.sources() == null ? List.of() : op.sources());
                cs.operations.add(o);
              }
              changeSets.persist(cs);
              em.flush();
              return Views.of(cs);
            });
  }

  /** Approves or rejects: never by the author (403); an approval re-checks everything (409/422). */
  public Views.ChangeSetView review(
      long id, boolean approve, String note, TokenService.Caller reviewer) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              withConnection(ChangeService::lock);
              ChangeSet cs = find(id);
              if (cs.author.equals(reviewer.name())) {
                throw new Refusal(
                    Refusal.Kind.SELF_REVIEW,
                    "Change set "
                        + id
                        + " was proposed by '"
                        + cs.author
                        + "': nobody reviews their own change.",
                    null);
              }
              if (!cs.status.equals(ChangeSet.PROPOSED)) {
                throw conflict("Change set " + id + " is " + cs.status + ", not proposed.");
              }
              if (approve) {
                List<ChangeRequest.Operation> ops = operations(cs);
                withConnection(c -> check(c, ops, cs.id));
                List<ChangeSet> approved = changeSets.approvedUnreleased();
                withConnection(c -> checkWithApproved(c, approved, cs, ops));
              }
              return decide(cs, approve ? ChangeSet.APPROVED : ChangeSet.REJECTED, reviewer, note);
            });
  }

  /**
   * Withdraws a change set that waits for a release (proposed or approved): its author, a reviewer
   * or an admin may; it is then never published, and the withdrawal stays in its audit trail.
   */
  public Views.ChangeSetView withdraw(long id, String note, TokenService.Caller caller) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              withConnection(ChangeService::lock);
              ChangeSet cs = find(id);
              if (!cs.author.equals(caller.name()) && caller.role().equals(Roles.EDITOR)) {
                throw new Refusal(
                    Refusal.Kind.FORBIDDEN,
                    "Change set "
                        + id
                        + " was proposed by '"
                        + cs.author
                        + "': an editor withdraws only their own change sets; reviewers and"
                        + " admins withdraw any.",
                    null);
              }
              if (!cs.status.equals(ChangeSet.PROPOSED) && !cs.status.equals(ChangeSet.APPROVED)) {
                throw conflict(
                    "Change set "
                        + id
                        + " is "
                        + cs.status
                        + ": only a proposed or approved change set (one that waits for a"
                        + " release) can be withdrawn.");
              }
              return decide(cs, ChangeSet.WITHDRAWN, caller, note);
            });
  }

  /** Records a decision on a change set in its audit trail, and gives it that status. */
  private Views.ChangeSetView decide(
      ChangeSet cs, String decision, TokenService.Caller by, String note) {
    Review r = new Review();
    r.changeSet = cs;
    r.decision = decision;
    r.reviewer = by.name();
    r.reviewerRole = by.role();
    r.note = note;
    r.reviewedAt = OffsetDateTime.now(ZoneOffset.UTC);
    reviews.persist(r);
    cs.reviews.add(r);
    cs.status = decision;
    em.flush();
    return Views.of(cs);
  }

  /** A change set, if the caller may see it (released ones are public). */
  public Views.ChangeSetView get(long id, boolean pendingToo) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              ChangeSet cs = changeSets.findById(id);
              if (!pendingToo && (cs == null || !cs.status.equals(ChangeSet.RELEASED))) {
                // as the list's ?status=proposed: a 401 for anyone without a token, whether the
                // change set is pending or does not exist, so the answer reveals neither
                throw new Refusal(
                    Refusal.Kind.UNAUTHORIZED,
                    "Change set "
                        + id
                        + " is not released (or does not exist). Pending change sets are shown to"
                        + " editors and above: send Authorization: Bearer <token>.",
                    null);
              }
              if (cs == null) {
                throw Refusal.notFound("No change set " + id + ".");
              }
              return Views.of(cs);
            });
  }

  public List<Views.ChangeSetView> list(boolean pendingToo, String status) {
    if (status != null
        && !List.of(
                ChangeSet.PROPOSED,
                ChangeSet.APPROVED,
                ChangeSet.REJECTED,
                ChangeSet.RELEASED,
                ChangeSet.WITHDRAWN)
            .contains(status)) {
      throw Refusal.invalidParameter(
          "status", "must be proposed, approved, rejected, released or withdrawn");
    }
    if (status != null && !pendingToo && !status.equals(ChangeSet.RELEASED)) {
      throw new Refusal(
          Refusal.Kind.UNAUTHORIZED,
          "Pending change sets are shown to editors and above: send Authorization: Bearer <token>.",
          null);
    }
    return QuarkusTransaction.requiringNew()
        .call(() -> changeSets.visible(pendingToo, status).stream().map(Views::of).toList());
  }

  /** The record's current tag and fields, as published. */
  public Views.RecordBase base(String collection, String id) {
    TableSpec t =
        RecordStore.editable(collection)
            .orElseThrow(
                () ->
                    Refusal.notFound(
                        "No editable collection '"
                            + collection
                            + "'; they are "
                            + String.join(", ", RecordStore.editableNames())
                            + "."));
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                withConnection(
                    c -> {
                      Map<String, Object> snap = RecordStore.snapshot(c, t, id);
                      if (snap == null) {
                        throw Refusal.notFound(
                            "No record '" + id + "' in " + RecordStore.collection(t) + ".");
                      }
                      return new Views.RecordBase(
                          RecordStore.collection(t), id, RecordStore.tag(snap), snap);
                    }));
  }

  ChangeSet find(long id) {
    ChangeSet cs = changeSets.findById(id);
    if (cs == null) {
      throw Refusal.notFound("No change set " + id + ".");
    }
    return cs;
  }

  static List<ChangeRequest.Operation> operations(ChangeSet cs) {
    List<ChangeRequest.Operation> ops = new ArrayList<>();
    for (ChangeOperation o : cs.operations) {
      Map<String, Object> payload =
          Views.parse(o.payload, new com.fasterxml.jackson.core.type.TypeReference<>() {});
      List<ChangeRequest.SourceRef> sources =
          Views.parse(o.sources, new com.fasterxml.jackson.core.type.TypeReference<>() {});
      ops.add(
          new ChangeRequest.Operation(
              o.op,
              o.tableName,
              o.recordId,
              o.base,
              o.op.equals("update") ? payload : null,
              o.op.equals("create") ? payload : null,
              sources));
    }
    return ops;
  }

  /** Serializes curation writes with loads, imports and publications: the publishing lock. */
  static Void lock(Connection c) throws SQLException {
    Publisher.lock(c);
    return null;
  }

  /**
   * Checks operations against the published data: each base matches the record now (409), no other
   * approved change set waits to change the same record (409), and the dataset with them applied
   * passes the loader's checks (422). Nothing is kept.
   */
  static Void check(Connection c, List<ChangeRequest.Operation> ops, Long changeSetId)
      throws SQLException {
    sql(c, "savepoint plenary_check");
    try {
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
      int i = 0;
      for (ChangeRequest.Operation op : ops) {
        TableSpec t = RecordStore.editable(op.collection()).orElseThrow();
        Map<String, Object> before = checkBase(c, t, op, i);
        pendingElsewhere(c, t, op, changeSetId, i);
        apply(c, t, op, now, i);
        if (op.op().equals("update")
            && RecordStore.tag(before)
                .equals(RecordStore.tag(RecordStore.snapshot(c, t, op.id())))) {
          // an update that leaves the record (and its citations) as published would release an
          // empty change
          throw unprocessable(
              "operations["
                  + i
                  + "]: the update changes nothing: '"
                  + op.id()
                  + "' already has these values and cites these sources.",
              List.of(
                  new Refusal.Field(
                      "operations[" + i + "].set", "changes nothing in the published record")));
        }
        i++;
      }
      validateDataset(c);
      return null;
    } finally {
      sql(c, "rollback to savepoint plenary_check");
    }
  }

  /**
   * Checks a change set together with every approved one that waits for the same release, applied
   * in the order the release applies them (by id): a release publishes them all at once, so they
   * must pass the dataset's rules together, not only each on its own. When they do not, the
   * approved change set that breaks this one is named (409); nothing is kept.
   */
  static Void checkWithApproved(
      Connection c, List<ChangeSet> approved, ChangeSet cs, List<ChangeRequest.Operation> ops)
      throws SQLException {
    List<ChangeSet> others = approved.stream().filter(a -> !a.id.equals(cs.id)).toList();
    if (others.isEmpty()) {
      return null;
    }
    try {
      applyTogether(c, others, cs, ops);
      return null;
    } catch (Refusal together) {
      for (ChangeSet a : others) {
        try {
          applyTogether(c, List.of(a), cs, ops);
        } catch (Refusal withA) {
          throw conflict(
              "Change set "
                  + cs.id
                  + " cannot be approved while approved change set "
                  + a.id
                  + " waits for a release: published together, "
                  + lowerFirst(withA.getMessage())
                  + " Withdraw change set "
                  + a.id
                  + " (POST /v1/changes/"
                  + a.id
                  + "/withdraw), or release it first and propose this change again on the new"
                  + " release.");
        }
      }
      throw conflict(
          "Change set "
              + cs.id
              + " cannot be approved while approved change sets "
              + String.join(", ", others.stream().map(a -> a.id.toString()).toList())
              + " wait for a release: published together, "
              + lowerFirst(together.getMessage()));
    }
  }

  private static String lowerFirst(String s) {
    return s == null || s.isEmpty() ? "" : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  /** Applies {@code sets} and {@code cs} in id order, checks the dataset, and rolls back. */
  private static void applyTogether(
      Connection c, List<ChangeSet> sets, ChangeSet cs, List<ChangeRequest.Operation> ops)
      throws SQLException {
    List<ChangeSet> order = new ArrayList<>(sets);
    order.add(cs);
    order.sort(Comparator.comparing(x -> x.id));
    sql(c, "savepoint plenary_together");
    try {
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
      for (ChangeSet x : order) {
        List<ChangeRequest.Operation> xs = x == cs ? ops : operations(x);
        for (int i = 0; i < xs.size(); i++) {
          TableSpec t = RecordStore.editable(xs.get(i).collection()).orElseThrow();
          try {
            apply(c, t, xs.get(i), now, i);
          } catch (Refusal e) {
            throw e.asConflict("change set " + x.id + ", " + e.getMessage());
          }
        }
      }
      validateDataset(c);
    } finally {
      sql(c, "rollback to savepoint plenary_together");
    }
  }

  /** Checks the operation's base against the record as it is; returns that record (or null). */
  static Map<String, Object> checkBase(Connection c, TableSpec t, ChangeRequest.Operation op, int i)
      throws SQLException {
    Map<String, Object> record = RecordStore.snapshot(c, t, op.id());
    String now = RecordStore.tag(record);
    String where =
        "operations["
            + i
            + "] ("
            + op.op()
            + " "
            + RecordStore.collection(t)
            + " '"
            + op.id()
            + "')";
    if (op.op().equals("create")) {
      if (now != null) {
        throw conflict(where + ": the record exists already (its tag is " + now + ").");
      }
    } else if (now == null) {
      throw conflict(where + ": there is no such record (it was deleted, or never published).");
    } else if (!now.equals(op.base())) {
      throw conflict(
          where
              + ": the record changed since you saw it (base "
              + op.base()
              + ", now "
              + now
              + "). Read it again and propose the change on the current version.");
    }
    return record;
  }

  private static void pendingElsewhere(
      Connection c, TableSpec t, ChangeRequest.Operation op, Long changeSetId, int i)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select s.id from change_operation o join change_set s on s.id = o.change_set_id"
                + " where o.table_name = ? and o.record_id = ? and s.status = 'approved'"
                + " and s.id <> ? order by s.id limit 1")) {
      ps.setString(1, RecordStore.collection(t));
      ps.setString(2, op.id());
      ps.setLong(3, changeSetId == null ? -1 : changeSetId);
      var rs = ps.executeQuery();
      if (rs.next()) {
        throw conflict(
            "operations["
                + i
                + "]: change set "
                + rs.getLong(1)
                + " was approved to change "
                + RecordStore.collection(t)
                + " '"
                + op.id()
                + "' and is not released yet; propose this change after that release.");
      }
    }
  }

  /** Applies one operation, turning a database refusal into a 409 or 422 naming it. */
  static void apply(Connection c, TableSpec t, ChangeRequest.Operation op, OffsetDateTime at, int i)
      throws SQLException {
    sql(c, "savepoint plenary_operation");
    try {
      RecordStore.apply(c, t, op, at);
      sql(c, "release savepoint plenary_operation");
    } catch (SQLException e) {
      sql(c, "rollback to savepoint plenary_operation");
      String where = "operations[" + i + "]";
      String state = e.getSQLState() == null ? "" : e.getSQLState();
      String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      if (state.equals("23503")) {
        String reason = references(c, t, op);
        throw unprocessable(where + ": " + reason, List.of(new Refusal.Field(where, reason)));
      }
      if (state.equals("23505")) {
        String reason =
            "another record of "
                + RecordStore.collection(t)
                + " already has a value that must be unique (e.g. the same pair of references)";
        throw unprocessable(where + ": " + reason, List.of(new Refusal.Field(where, reason)));
      }
      if (state.startsWith("23")) {
        String reason = "the record breaks a rule of " + RecordStore.collection(t);
        org.jboss.logging.Logger.getLogger(ChangeService.class)
            .infof("%s refused by the database: %s", where, message);
        throw unprocessable(where + ": " + reason, List.of(new Refusal.Field(where, reason)));
      }
      throw e;
    }
  }

  /** Why a reference failed, in the API's words: who still refers to it, or what does not exist. */
  private static String references(Connection c, TableSpec t, ChangeRequest.Operation op)
      throws SQLException {
    String record = RecordStore.collection(t) + " '" + op.id() + "'";
    if (op.op().equals("delete")) {
      List<String> by = RecordStore.referrers(c, t, op.id(), 6);
      return record
          + " is still referred to by "
          + (by.isEmpty()
              ? "other records"
              : String.join(", ", by.subList(0, Math.min(5, by.size())))
                  + (by.size() > 5 ? " and more" : ""))
          + "; change or delete those first (in this change set or an earlier release).";
    }
    List<String> missing = RecordStore.unresolved(c, t, op);
    return record
        + " refers to "
        + (missing.isEmpty() ? "a record that does not exist" : String.join(", ", missing))
        + "; create it first (earlier in this change set, or in an earlier release).";
  }

  /**
   * The loader's checks over the whole dataset as this transaction sees it (a 422 if they fail);
   * returns the tables it checked, as the dumps write them.
   */
  static Map<String, byte[]> validateDataset(Connection c) throws SQLException {
    Map<String, byte[]> tables = Dumps.tables(c);
    try {
      SeedReader.read(SeedFiles.bytes(tables, "dataset"));
      return tables;
    } catch (SeedException e) {
      List<Refusal.Field> params =
          e.problems().stream().map(p -> new Refusal.Field("dataset", p)).toList();
      throw unprocessable(
          "With this change the dataset would break its rules: " + String.join("; ", e.problems()),
          params);
    }
  }

  /**
   * Runs a statement such as a savepoint. Savepoints are SQL here: the connection belongs to the
   * JTA transaction, whose pool refuses JDBC rollback calls while it is enlisted.
   */
  private static void sql(Connection c, String statement) throws SQLException {
    try (var s = c.createStatement()) {
      s.execute(statement);
    }
  }

  /** Runs JDBC work on the connection of the current Hibernate transaction. */
  <T> T withConnection(org.hibernate.jdbc.ReturningWork<T> work) {
    return em.unwrap(Session.class).doReturningWork(work);
  }
}
