package org.plenary.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.plenary.query.CollectionSpec;
import org.plenary.query.ListQuery;
import org.plenary.query.ListQuery.Condition;
import org.plenary.query.QueryEngine;

/**
 * Answers collection and record requests in the one envelope, with paging links and the HTTP
 * caching headers. The representation is {@link Negotiation}'s; every response is rendered to bytes
 * once, tagged with a hash of them, and kept in the {@link HttpCache} under the key the fast path
 * looks up; only CSV or NDJSON downloads too large to render whole are streamed ({@link
 * Downloads}).
 */
@ApplicationScoped
public class Responder {
  @Inject QueryEngine engine;
  @Inject Served served;
  @Inject HttpCache cache;
  @Inject Downloads downloads;
  @Inject Records records;
  @Inject HttpHeaders headers;

  /**
   * {@code c} filtered by the request's query and the path's {@code fixed} filters: a page of JSON,
   * or every matching row as CSV or NDJSON, as the request asks.
   */
  public Response list(CollectionSpec c, UriInfo uri, Condition... fixed) {
    return list(c, uri, null, Set.of(), fixed);
  }

  /**
   * As {@link #list(CollectionSpec, UriInfo, Condition...)}, for a resource that read the query
   * parameters {@code handled} itself (e.g. by=, which chose {@code c}).
   */
  public Response list(CollectionSpec c, UriInfo uri, Set<String> handled, Condition... fixed) {
    return list(c, uri, null, handled, fixed);
  }

  /**
   * The records of {@code child} whose {@code childField} is a parent's id (a vote's roll call, a
   * delegation's positions, ...); a 404 problem when the parent does not exist.
   */
  public Response children(
      CollectionSpec parent,
      String parentId,
      String what,
      CollectionSpec child,
      String childField,
      UriInfo uri) {
    return children(parent, parentId, what, child, childField, uri, Set.of());
  }

  /**
   * The collection the request's {@code by=} chooses among {@code by} ({@code absent} when it is
   * not given; a 400 problem naming the choices otherwise), filtered as {@link
   * #list(CollectionSpec, UriInfo, Condition...)} is.
   */
  public Response listBy(UriInfo uri, CollectionSpec absent, Map<String, CollectionSpec> by) {
    return list(Parameters.choice(uri, BY, absent, by), uri, BY_HANDLED);
  }

  /**
   * As {@link #children}, for the sub-collection the request's {@code by=} chooses among {@code by}
   * ({@code absent} when it is not given), e.g. a group's cohesion per vote, year or topic.
   */
  public Response childrenBy(
      CollectionSpec parent,
      String parentId,
      String what,
      String childField,
      UriInfo uri,
      CollectionSpec absent,
      Map<String, CollectionSpec> by) {
    return children(
        parent,
        parentId,
        what,
        Parameters.choice(uri, BY, absent, by),
        childField,
        uri,
        BY_HANDLED);
  }

  private static final String BY = "by";
  private static final Set<String> BY_HANDLED = Set.of(BY);

  /** As {@link #children}, for a resource that read the parameters {@code handled} itself. */
  public Response children(
      CollectionSpec parent,
      String parentId,
      String what,
      CollectionSpec child,
      String childField,
      UriInfo uri,
      Set<String> handled) {
    return list(
        child,
        uri,
        () -> records.requireExists(parent, "id", parentId, what),
        handled,
        ListQuery.condition(child, childField, "", parentId));
  }

  /**
   * As {@link #list}, for a sub-collection: {@code parentCheck} (which throws a 404 problem when
   * the parent does not exist) runs only when there is nothing to show, saving a query on every
   * other request.
   */
  private Response list(
      CollectionSpec c,
      UriInfo uri,
      Runnable parentCheck,
      Set<String> handled,
      Condition... fixed) {
    MultivaluedMap<String, String> params = uri.getQueryParameters(true);
    if (!handled.isEmpty()) {
      params = new jakarta.ws.rs.core.MultivaluedHashMap<>(params);
      params.keySet().removeAll(handled);
    }
    Negotiation.Negotiated n = negotiate(uri, params);
    String key = cache.key(n);
    HttpCache.Rendered hit = cache.get(key);
    if (hit != null) {
      return cache.send(hit);
    }
    if (n.format() != Format.JSON) {
      return downloads.download(c, uri.getPath(), params, n.format(), key, parentCheck, fixed);
    }
    Parameters.bom(params, n.format());
    ListQuery q = engine.parse(c, params, List.of(fixed));
    QueryEngine.Page page = engine.page(q);
    if (page.rows().isEmpty() && parentCheck != null) {
      parentCheck.run();
    }
    String self = n.uri();
    String next = page.next() == null ? null : withCursor(self, page.next());
    var body =
        new Envelope.ListBody(
            q.project(page.rows()),
            new Envelope.Links(self, next),
            new Envelope.ListMeta(
                version(),
                page.rows().size(),
                q.limit(),
                ListQuery.sortToken(q.sort()),
                page.total(),
                page.facets(),
                c.definition()));
    Map<String, String> h = new LinkedHashMap<>();
    if (next != null) {
      h.put("Link", "<" + next + ">; rel=\"next\"");
    }
    if (page.total() != null) {
      h.put(Api.TOTAL_HEADER, page.total().toString());
    }
    return cache.render(key, Json.bytes(body), "application/json", h);
  }

  /** The record of {@code c} whose {@code field} is {@code value}; a 404 problem when none. */
  public Response one(CollectionSpec c, String field, String value, UriInfo uri, String what) {
    return item(uri, () -> records.find(c, field, value, uri.getQueryParameters(true), what));
  }

  /** Any object in the envelope, rendered once per dataset and request. */
  public Response item(UriInfo uri, Supplier<Object> data) {
    String self = uri.getRequestUri().toString();
    String key = cache.key(new Negotiation.Negotiated(self, Format.JSON, null));
    HttpCache.Rendered hit = cache.get(key);
    if (hit != null) {
      return cache.send(hit);
    }
    var body =
        new Envelope.ItemBody(
            data.get(), new Envelope.Links(self, null), new Envelope.Meta(version()));
    return cache.render(key, Json.bytes(body), "application/json", Map.of());
  }

  /**
   * The table of an aggregate, for CSV and NDJSON: its columns, and its rows as maps of column to
   * value.
   */
  public record Table(List<String> columns, List<Map<String, Object>> rows) {
    /**
     * Records of {@code type} as rows with their JSON names (a {@code @JsonUnwrapped} record's
     * fields in its place), each after the columns and values of {@code first}.
     */
    public static <R extends Record> Table of(
        Map<String, Object> first, Class<R> type, List<? extends R> records) {
      List<String> columns = new java.util.ArrayList<>(first.keySet());
      columns.addAll(names(type));
      List<Map<String, Object>> rows = new java.util.ArrayList<>();
      for (R r : records) {
        Map<String, Object> row = new LinkedHashMap<>(first);
        row.putAll(Json.MAPPER.convertValue(r, ROW));
        rows.add(row);
      }
      return new Table(List.copyOf(columns), rows);
    }

    private static final com.fasterxml.jackson.core.type.TypeReference<
            LinkedHashMap<String, Object>>
        ROW = new com.fasterxml.jackson.core.type.TypeReference<>() {};

    /** The JSON names of a record's components, as Json.MAPPER writes them. */
    static List<String> names(Class<?> type) {
      var snake =
          (com.fasterxml.jackson.databind.PropertyNamingStrategies.NamingBase)
              com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE;
      List<String> out = new java.util.ArrayList<>();
      for (var c : type.getRecordComponents()) {
        // the annotation on a component reaches its accessor (JsonUnwrapped has no record target)
        if (c.getAccessor()
            .isAnnotationPresent(com.fasterxml.jackson.annotation.JsonUnwrapped.class)) {
          out.addAll(names(c.getType()));
        } else {
          out.add(snake.translate(c.getName()));
        }
      }
      return out;
    }
  }

  /**
   * An aggregate in the item envelope as {@link #item} answers it, or, asked for as CSV or NDJSON
   * ({@code format=}, a {@code .csv} suffix, Accept), the table {@code table} makes of it (a pair's
   * votes compared, a series' years).
   */
  public <T> Response itemOrTable(
      UriInfo uri, Supplier<T> data, java.util.function.Function<T, Table> table) {
    return jsonOrTable(uri, () -> item(uri, data::get), () -> table.apply(data.get()));
  }

  /**
   * A fixed list as {@link #fixedList} answers it, or, asked for as CSV or NDJSON, its records of
   * {@code type} as the table's rows.
   */
  public <R extends Record> Response fixedListOrTable(
      UriInfo uri, Supplier<? extends List<? extends R>> data, Class<R> type) {
    return jsonOrTable(uri, () -> fixedList(uri, data), () -> Table.of(Map.of(), type, data.get()));
  }

  /** JSON as {@code json} answers it; CSV or NDJSON of {@code table}, rendered whole and cached. */
  private Response jsonOrTable(UriInfo uri, Supplier<Response> json, Supplier<Table> table) {
    MultivaluedMap<String, String> params = uri.getQueryParameters(true);
    Negotiation.Negotiated n = negotiate(uri, params);
    if (n.format() == Format.JSON) {
      Parameters.bom(params, n.format());
      return json.get();
    }
    String key = cache.key(n);
    HttpCache.Rendered hit = cache.get(key);
    if (hit != null) {
      return cache.send(hit);
    }
    return downloads.table(uri.getPath(), params, n.format(), key, table.get());
  }

  /** A fixed list (not a collection: no filters or pages) in the list envelope. */
  public Response fixedList(UriInfo uri, Supplier<? extends List<?>> data) {
    String self = uri.getRequestUri().toString();
    String key = cache.key(new Negotiation.Negotiated(self, Format.JSON, null));
    HttpCache.Rendered hit = cache.get(key);
    if (hit != null) {
      return cache.send(hit);
    }
    List<?> rows = data.get();
    var body =
        new Envelope.ListBody(
            rows,
            new Envelope.Links(self, null),
            new Envelope.ListMeta(
                version(), rows.size(), rows.size(), null, (long) rows.size(), null, null));
    return cache.render(
        key,
        Json.bytes(body),
        "application/json",
        Map.of(Api.TOTAL_HEADER, Integer.toString(rows.size())));
  }

  /** The request's representation; a 400 problem for an unknown format. */
  private Negotiation.Negotiated negotiate(UriInfo uri, MultivaluedMap<String, String> params) {
    Negotiation.Negotiated n =
        Negotiation.negotiate(
            uri.getRequestUri().toString(), headers.getHeaderString(HttpHeaders.ACCEPT));
    if (n.refused() != null) {
      List<String> given = params.get("format");
      throw ProblemException.invalidParam(
          "format",
          "'"
              + (given == null ? n.refused() : given.get(given.size() - 1))
              + "' is not a format. Allowed: csv, json, ndjson");
    }
    if (n.format() == null) {
      // the resource method was chosen for this Accept, so it accepts JSON at least by a range
      return new Negotiation.Negotiated(n.uri(), Format.JSON, null);
    }
    return n;
  }

  private String version() {
    Served.Snapshot s = served.snapshot();
    return s == null ? null : s.version();
  }

  /** The request URI with its cursor parameter replaced (cursors are URL-safe base64). */
  static String withCursor(String uri, String cursor) {
    int q = uri.indexOf('?');
    StringBuilder sb = new StringBuilder(uri.length() + cursor.length() + 8);
    sb.append(uri, 0, q < 0 ? uri.length() : q);
    char sep = '?';
    if (q >= 0) {
      for (String p : uri.substring(q + 1).split("&")) {
        if (!p.isEmpty() && !p.startsWith("cursor=") && !p.equals("cursor")) {
          sb.append(sep).append(p);
          sep = '&';
        }
      }
    }
    return sb.append(sep).append("cursor=").append(cursor).toString();
  }
}
