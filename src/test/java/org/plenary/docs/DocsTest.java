package org.plenary.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plenary.query.Operator;

/**
 * Every filter operator is documented, as datasette's test_docs.py checks its filters: the table of
 * docs/architecture.md is generated from {@link Operator}, and the README's grammar and the OpenAPI
 * document name every operator a request may use.
 */
class DocsTest {
  private static final Path ARCHITECTURE = Path.of("docs", "architecture.md");

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
  void everyOperatorARequestMayNameIsInTheReadmeAndTheContract() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String contract = Files.readString(Path.of("openapi", "openapi.yaml"));
    List<String> missing = new ArrayList<>();
    for (Operator o : Operator.values()) {
      if (!o.named()) {
        continue;
      }
      String form = o == Operator.EQ ? "`field=value`" : "`" + o.parameter("field") + "=";
      if (!readme.contains(form)) {
        missing.add("README.md: " + form);
      }
      if (o != Operator.EQ && !contract.contains("__" + o.suffix())) {
        missing.add("openapi/openapi.yaml: __" + o.suffix());
      }
    }
    assertEquals(List.of(), missing, "operators not documented");
  }
}
