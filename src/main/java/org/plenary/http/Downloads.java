package org.plenary.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plenary.query.CollectionSpec;
import org.plenary.query.ListQuery;
import org.plenary.query.ListQuery.Condition;
import org.plenary.query.QueryEngine;

/**
 * Every matching row as CSV or NDJSON, named for the download. Up to plenary.http.render-rows rows
 * are rendered whole (exact ETag, cached); larger results stream a batch at a time in constant
 * memory, tagged by the dataset checksum and the request (a strong validator that changes whenever
 * the dataset does).
 */
@ApplicationScoped
class Downloads {
  @Inject QueryEngine engine;
  @Inject HttpCache cache;
  @Inject HttpConfig config;
  @Inject Served served;

  Response download(
      CollectionSpec c,
      String path,
      Map<String, List<String>> params,
      Format format,
      String key,
      Runnable parentCheck,
      Condition... fixed) {
    boolean bom = Parameters.bom(params, format);
    ListQuery q = engine.parse(c, params, List.of(fixed), true);
    if (format == Format.CSV && !q.includes().isEmpty()) {
      throw ProblemException.invalidParam(
          "include",
          "include="
              + String.join(",", q.includes())
              + " nests records, which CSV cannot hold: use format=ndjson, or download the nested collection itself as CSV");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Disposition", "attachment; filename=\"" + filename(path, format) + "\"");
    String type = type(format);
    QueryEngine.Stream rows = engine.open(q);
    if (rows.count() == 0 && parentCheck != null) {
      try {
        parentCheck.run();
      } catch (RuntimeException e) {
        rows.close();
        throw e;
      }
    }
    headers.put(Api.TOTAL_HEADER, Long.toString(rows.count()));
    if (rows.count() <= config.renderRows()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        TableWriter.write(c, format, bom, rows, out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return cache.render(key, out.toByteArray(), type, headers);
    }
    String etag = HttpCache.etag(key.getBytes(StandardCharsets.UTF_8));
    if (cache.notModified(etag)) {
      rows.close();
      Response.ResponseBuilder b = Response.notModified().tag(new EntityTag(etag));
      headers.forEach(b::header);
      return cache.headers(b).build();
    }
    StreamingOutput body = out -> TableWriter.write(c, format, bom, rows, out);
    Response.ResponseBuilder b = Response.ok(body, type).tag(new EntityTag(etag));
    headers.forEach(b::header);
    return cache.headers(b).build();
  }

  /** An aggregate's table as CSV or NDJSON, rendered whole and cached as a collection's is. */
  Response table(
      String path, Map<String, List<String>> params, Format format, String key, Responder.Table t) {
    boolean bom = Parameters.bom(params, format);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Disposition", "attachment; filename=\"" + filename(path, format) + "\"");
    headers.put(Api.TOTAL_HEADER, Integer.toString(t.rows().size()));
    return cache.render(key, TableWriter.write(t, format, bom), type(format), headers);
  }

  private static String type(Format format) {
    return format == Format.CSV
        ? "text/csv; charset=utf-8; header=present"
        : Format.NDJSON_TYPE + "; charset=utf-8";
  }

  /** plenary-1.0.0-votes-a-res-74-247-roll-call.csv: the path, the dataset version, the format. */
  private String filename(String path, Format format) {
    String p = path.replaceFirst("^/?v1/?", "");
    String name = p.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
    Served.Snapshot s = served.snapshot();
    return "plenary-"
        + (s == null ? null : s.version())
        + "-"
        + (name.isEmpty() ? "index" : name)
        + "."
        + format.extension();
  }
}
