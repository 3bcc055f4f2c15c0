package org.plenary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of STYLE.md, checked on the compiled classes: no package cycles (the root package
 * included); query/ knows nothing of HTTP (only its own types and seed's table model); http/ knows
 * no feature (only the domain's refusals, which it maps to problems); services throw no HTTP
 * problem, and only http/ builds problems; release/ knows only the table model; nothing depends on
 * the command line (cli/) or on the API's description (openapi/); no class is loaded by name;
 * resources hold no SQL; no internal Quarkus HTTP class is used. And one owner per effect, checked
 * on the sources: only release/ writes the dataset state, takes the publishing lock or announces a
 * release.
 */
class ArchitectureTest {
  private static final String ROOT = "org.plenary";
  private static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  /** Each class's dependencies on other classes, outside itself and its nested classes. */
  private static List<Dependency> dependencies(Predicate<JavaClass> from) {
    List<Dependency> out = new ArrayList<>();
    for (JavaClass c : classes) {
      if (from.test(c)) {
        out.addAll(c.getDirectDependenciesFromSelf());
      }
    }
    return out;
  }

  private static Predicate<JavaClass> inPackage(String pkg) {
    return c -> c.getPackageName().equals(pkg) || c.getPackageName().startsWith(pkg + ".");
  }

  private static List<String> violations(Predicate<JavaClass> from, Predicate<String> target) {
    return dependencies(from).stream()
        .filter(d -> target.test(d.getTargetClass().getName()))
        .map(d -> d.getOriginClass().getName() + " -> " + d.getTargetClass().getName())
        .distinct()
        .sorted()
        .toList();
  }

  @Test
  void packagesFormNoCycle() {
    Map<String, Set<String>> graph = new TreeMap<>();
    for (JavaClass c : classes) {
      String from = c.getPackageName();
      graph.computeIfAbsent(from, k -> new TreeSet<>());
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        String to = d.getTargetClass().getPackageName();
        if (!to.equals(from) && (to.equals(ROOT) || to.startsWith(ROOT + "."))) {
          graph.get(from).add(to);
        }
      }
    }
    List<List<String>> cycles = new Cycles(graph).find();
    assertEquals(List.of(), cycles, "package cycles: " + graph);
  }

  @Test
  void theQueryLayerHasNoHttpTypes() {
    assertEquals(
        List.of(),
        violations(
            inPackage(ROOT + ".query"),
            t ->
                t.startsWith("jakarta.ws.rs.")
                    || t.startsWith("io.vertx.")
                    || (t.startsWith(ROOT + ".")
                        && !t.startsWith(ROOT + ".query.")
                        // the one table model (seed's declarations) gives fields their types
                        && !t.startsWith(ROOT + ".seed."))));
  }

  @Test
  void theHttpLayerKnowsNoFeature() {
    assertEquals(
        List.of(),
        violations(
            inPackage(ROOT + ".http"),
            t ->
                t.startsWith(ROOT + ".")
                    && !t.startsWith(ROOT + ".http.")
                    && !t.startsWith(ROOT + ".query.")
                    // the domain's refusals, which http/ answers as problems
                    && !t.startsWith(ROOT + ".refusal.")));
  }

  @Test
  void servicesRefuseInTheirOwnTermsNotWithHttpProblems() {
    assertEquals(
        List.of(),
        violations(
            c -> c.getSimpleName().endsWith("Service") || c.getPackageName().endsWith(".refusal"),
            t -> t.startsWith(ROOT + ".http.Problem")));
  }

  @Test
  void onlyTheHttpLayerBuildsProblems() {
    // resources and pages refuse with the domain's Refusal too; http/ maps it, and only http/
    // throws a ProblemException or builds a problem of a ProblemType
    assertEquals(
        List.of(),
        violations(
            c -> !inPackage(ROOT + ".http").test(c),
            t ->
                t.equals(ROOT + ".http.ProblemException") || t.equals(ROOT + ".http.ProblemType")));
  }

  @Test
  void thePublisherKnowsOnlyTheTableModel() {
    assertEquals(
        List.of(),
        violations(
            inPackage(ROOT + ".release"),
            t ->
                t.startsWith(ROOT + ".")
                    && !t.startsWith(ROOT + ".release.")
                    && !t.startsWith(ROOT + ".seed.")));
  }

  @Test
  void onlyThePublisherWritesTheStateTakesTheLockOrAnnounces() throws Exception {
    Pattern effect =
        Pattern.compile(
            "(?i)(insert\\s+into|update)\\s+dataset_state|pg_advisory(_xact)?_lock|pg_notify"
                + "|\\bnotify\\s+plenary|0x706c656e617279L");
    Path main = Path.of("src/main/java/org/plenary");
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(main)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        if (f.startsWith(main.resolve("release"))) {
          continue;
        }
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
          if (effect.matcher(lines.get(i)).find()) {
            found.add(main.relativize(f) + ":" + (i + 1) + ": " + lines.get(i).strip());
          }
        }
      }
    }
    assertEquals(List.of(), found, "publishing effects outside release/");
  }

  @Test
  void nothingDependsOnTheCommandLine() {
    // cli/ is the entry point: it starts the packages that do the work, never the other way
    assertEquals(
        List.of(),
        violations(c -> !inPackage(ROOT + ".cli").test(c), t -> t.startsWith(ROOT + ".cli.")));
  }

  @Test
  void nothingDependsOnTheApiDescription() {
    // openapi/ describes every feature; a feature names its response records with http/'s
    // @ItemOf and @ListOf, which the description reads from the index
    assertEquals(
        List.of(),
        violations(
            c -> !inPackage(ROOT + ".openapi").test(c), t -> t.startsWith(ROOT + ".openapi.")));
  }

  @Test
  void noClassIsLoadedByName() {
    // types are named by class literals, which the compiler checks, never by strings
    List<String> calls = new ArrayList<>();
    for (JavaClass c : classes) {
      c.getMethodCallsFromSelf().stream()
          .filter(
              m ->
                  m.getTargetOwner().getName().equals(Class.class.getName())
                          && m.getName().equals("forName")
                      || m.getTargetOwner().isAssignableTo(ClassLoader.class)
                          && m.getName().equals("loadClass"))
          .forEach(m -> calls.add(c.getName() + " -> " + m.getTarget().getFullName()));
    }
    assertEquals(List.of(), calls.stream().distinct().sorted().toList());
  }

  @Test
  void requestsAreParsedWithTheConfiguredBounds() {
    // outside query/, parameters are parsed through QueryEngine.parse, which applies the
    // configured bounds of q= (QueryLimits); ListQuery.parse alone applies the defaults
    List<String> calls = new ArrayList<>();
    for (JavaClass c : classes) {
      if (inPackage(ROOT + ".query").test(c)) {
        continue;
      }
      c.getMethodCallsFromSelf().stream()
          .filter(m -> m.getTargetOwner().getName().equals(ROOT + ".query.ListQuery"))
          .filter(m -> m.getName().equals("parse"))
          .forEach(m -> calls.add(c.getName() + " -> ListQuery.parse"));
    }
    assertEquals(List.of(), calls.stream().distinct().sorted().toList());
  }

  @Test
  void resourcesHoldNoSql() {
    assertEquals(
        List.of(),
        violations(
            c -> c.getSimpleName().endsWith("Resource"),
            t ->
                t.startsWith("java.sql.")
                    || t.startsWith("io.agroal.")
                    || t.equals(ROOT + ".query.Jdbc")));
  }

  @Test
  void noInternalQuarkusHttpClass() {
    // io.quarkus.vertx.http.runtime.security is the documented extension point for a custom
    // HttpAuthenticationMechanism (curation's bearer tokens), not an internal class
    assertEquals(
        List.of(),
        violations(
            c -> true,
            t ->
                t.startsWith("io.quarkus.vertx.http.runtime.")
                    && !t.startsWith("io.quarkus.vertx.http.runtime.security.")));
  }

  /** Tarjan's strongly connected components: every component of more than one package. */
  private static final class Cycles {
    private final Map<String, Set<String>> graph;
    private final Map<String, Integer> index = new TreeMap<>();
    private final Map<String, Integer> low = new TreeMap<>();
    private final List<String> stack = new ArrayList<>();
    private final List<List<String>> found = new ArrayList<>();
    private int next;

    Cycles(Map<String, Set<String>> graph) {
      this.graph = graph;
    }

    List<List<String>> find() {
      for (String v : graph.keySet()) {
        if (!index.containsKey(v)) {
          visit(v);
        }
      }
      return found;
    }

    private void visit(String v) {
      index.put(v, next);
      low.put(v, next);
      next++;
      stack.add(v);
      for (String w : graph.getOrDefault(v, Set.of())) {
        if (!index.containsKey(w)) {
          visit(w);
          low.put(v, Math.min(low.get(v), low.get(w)));
        } else if (stack.contains(w)) {
          low.put(v, Math.min(low.get(v), index.get(w)));
        }
      }
      if (low.get(v).equals(index.get(v))) {
        List<String> component = new ArrayList<>();
        String w;
        do {
          w = stack.remove(stack.size() - 1);
          component.add(w);
        } while (!w.equals(v));
        if (component.size() > 1) {
          found.add(component.stream().sorted().toList());
        }
      }
    }
  }
}
