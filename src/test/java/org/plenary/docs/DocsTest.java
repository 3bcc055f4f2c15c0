package org.plenary.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.plenary.http.ProblemType;
import org.plenary.query.Operator;

/**
 * The docs hold what the code declares. Every filter operator is documented, as datasette's
 * test_docs.py checks its filters: the table of docs/architecture.md is generated from {@link
 * Operator}, and the API reference's grammar (docs/api.md) and the OpenAPI document name every
 * operator a request may use. The table of problem types in docs/problems.md is generated from
 * {@link ProblemType}, as PostgREST's error reference is from its errors.
 */
class DocsTest {
  private static final Path ARCHITECTURE = Path.of("docs", "architecture.md");
  private static final Path PROBLEMS = Path.of("docs", "problems.md");

  static String problemTable() {
    StringBuilder sb =
        new StringBuilder("| status | `type` | `title` | when |\n| --- | --- | --- | --- |\n");
    for (ProblemType t : ProblemType.values()) {
      sb.append("| ")
          .append(t.status())
          .append(" | `")
          .append(t.uri())
          .append("` | ")
          .append(GeneratedDoc.cell(t.title()))
          .append(" | ")
          .append(GeneratedDoc.cell(t.doc()))
          .append(" |\n");
    }
    return sb.toString();
  }

  @Test
  void theProblemTableIsGeneratedFromTheEnum() throws IOException {
    GeneratedDoc.check(PROBLEMS, "problems", problemTable());
  }

  @Test
  void eachProblemTypeIsDistinctNamedAfterItsConstantAndAnErrorStatus() {
    Set<String> uris = new HashSet<>();
    for (ProblemType t : ProblemType.values()) {
      assertEquals(
          ProblemType.PREFIX + t.name().toLowerCase(Locale.ROOT).replace('_', '-'), t.uri());
      assertTrue(t.status() >= 400 && t.status() <= 599, t + ": " + t.status());
      assertTrue(uris.add(t.uri()), t.uri());
    }
  }

  static String operatorTable() {
    StringBuilder sb =
        new StringBuilder("| parameter | operator | meaning |\n| --- | --- | --- |\n");
    for (Operator o : Operator.values()) {
      sb.append("| ")
          .append(o.named() ? "`" + o.parameter("field") + "=`" : "(none)")
          .append(" | `")
          .append(o.name())
          .append("` | ")
          .append(GeneratedDoc.cell(o.doc()))
          .append(" |\n");
    }
    return sb.toString();
  }

  @Test
  void theOperatorTableIsGeneratedFromTheEnum() throws IOException {
    GeneratedDoc.check(ARCHITECTURE, "operators", operatorTable());
  }

  @Test
  void everyOperatorARequestMayNameIsInTheApiReferenceAndTheContract() throws IOException {
    String reference = Files.readString(Path.of("docs", "api.md"));
    String contract = Files.readString(Path.of("openapi", "openapi.yaml"));
    List<String> missing = new ArrayList<>();
    for (Operator o : Operator.values()) {
      if (!o.named()) {
        continue;
      }
      String form = o == Operator.EQ ? "`field=value`" : "`" + o.parameter("field") + "=";
      if (!reference.contains(form)) {
        missing.add("docs/api.md: " + form);
      }
      if (o != Operator.EQ && !contract.contains("__" + o.suffix())) {
        missing.add("openapi/openapi.yaml: __" + o.suffix());
      }
    }
    assertEquals(List.of(), missing, "operators not documented");
  }
}
