package org.plenary.statement;

import java.util.ArrayList;
import java.util.List;
import org.plenary.query.CollectionSpec;
import org.plenary.query.Field;

/**
 * The General Debate's statements (imported from the UN General Debate Corpus): listed one record
 * per statement, and searched one record per matching paragraph, the unit of search and citation.
 * Both have the same fields; {@code paragraph} is null in the statement list.
 */
public final class Statements {
  private Statements() {}

  static final String FROM = "statement s left join delegation d on d.id = s.code";

  /**
   * A search sorted by rank ranks at most this many matching paragraphs, the newest (by year, then
   * statement and paragraph, descending): a common word (peace: 97,164 paragraphs) costs what a
   * rarer one does. Sorted otherwise (sort=year), every match is reached.
   */
  public static final int RANKED = 1000;

  /**
   * The fields both collections share, after id and paragraph; {@code a} is the alias of the table
   * whose code, session and year are filtered (the paragraphs repeat their statement's).
   */
  private static List<Field> common(String a) {
    List<Field> out = new ArrayList<>();
    out.add(
        Field.text(
            "code",
            a + ".code",
            "The corpus's code of the speaking delegation: ISO 3166-1 alpha-3 for a member"
                + " state, a historic code for a former state (YUG, CSK, DDR, YMD), EU, PSE or VAT"
                + " for observers"));
    out.add(
        Field.text(
            "delegation_id",
            "d.id",
            "The delegation (/v1/delegations/{iso3}) whose id is the code; null when the"
                + " delegations have no such code (observers, some former states)"));
    out.add(Field.text("delegation_name", "d.name", "The delegation's name; null as above"));
    out.add(Field.integer("session", a + ".session", "General Assembly session (1 is 1946)"));
    out.add(Field.integer("year", a + ".year", "Year of the session's general debate"));
    out.add(
        Field.partialDate(
            "date",
            "make_date(" + a + ".year, 1, 1)",
            "'year'",
            "The year, as a date of year precision (date__gte=1990 works like year__gte)"));
    out.add(
        Field.integer("decade", "(" + a + ".year / 10 * 10)", "The decade: 1990 for 1990-1999"));
    out.add(
        Field.text(
            "speaker",
            "s.speaker",
            "Who spoke, as the corpus's speakers' file records it; null when it does not"));
    out.add(
        Field.text(
            "post",
            "s.post",
            "The speaker's post, as recorded (before 1994 often not recorded: null)"));
    out.add(Field.integer("paragraphs", "s.paragraphs", "How many paragraphs the text has"));
    out.add(Field.integer("characters", "s.characters", "Length of the text in characters"));
    out.add(
        Field.text(
            "source_id",
            "s.source_id",
            "The source cited: the UN General Debate Corpus (/v1/sources/ungdc)"));
    out.add(
        Field.text(
            "locator", "s.locator", "Where in the source: the statement's file in the corpus"));
    return out;
  }

  /** A search sorted by rank ranks the {@code cap} newest matching paragraphs. */
  public static CollectionSpec.RankBound newest(int cap) {
    return new CollectionSpec.RankBound(
        cap,
        "p.ctid",
        "statement_search p",
        "p.year desc, p.statement_id desc, p.n desc",
        List.of("p.year >= 2015", "p.year >= 2000 and p.year < 2015", "p.year < 2000"));
  }

  /** The text of paragraph {@code p} (a row of statement_search), read for it alone. */
  static final String PARAGRAPH_TEXT =
      "(select x.text from statement_paragraph x where x.statement_id = p.statement_id and x.n ="
          + " p.n)";

  /** One record per statement. */
  public static final CollectionSpec STATEMENTS;

  /** One record per paragraph: what q= searches, ranked, with the match in context. */
  public static final CollectionSpec PASSAGES;

  /** A delegation's statements, oldest first. */
  public static final CollectionSpec STATEMENTS_OF_DELEGATION;

  /** A statement's paragraphs, in order. */
  public static final CollectionSpec PARAGRAPHS =
      CollectionSpec.builder("statement_paragraphs", "statement_paragraph p")
          .field(Field.text("statement_id", "p.statement_id", "The statement"))
          .field(Field.integer("n", "p.n", "Paragraph number, from 1 (the anchor #pN)"))
          .field(Field.longText("text", "p.text", "The paragraph's text, as the corpus has it"))
          .key("statement_id", "n")
          .sort("statement_id", "n")
          .build();

  static {
    CollectionSpec.Builder b = CollectionSpec.builder("statements", FROM);
    b.field(Field.text("id", "s.id", "Statement id: code-session-year, e.g. usa-74-2019"));
    b.field(
        new Field(
            "paragraph",
            "null::integer",
            Field.Type.INTEGER,
            false,
            false,
            null,
            "With q=: the matching paragraph's number (cite it as /v1/statements/{id}#pN);"
                + " null in the list of statements"));
    common("s").forEach(b::field);
    STATEMENTS = b.timestamps("s").key("id").sort("year", "code").build();
    STATEMENTS_OF_DELEGATION = STATEMENTS.sortedBy(STATEMENTS.asc("year"));

    // the paragraphs' keys and tsvectors (statement_search, V23): the candidates, their rank and
    // the counts read no text; a page's passages read their paragraphs' text alone
    CollectionSpec.Builder p =
        CollectionSpec.builder(
            "statements",
            "statement_search p join statement s on s.id = p.statement_id left join delegation d"
                + " on d.id = p.code");
    p.field(Field.text("id", "p.statement_id", "Statement id: code-session-year"));
    p.field(
        Field.integer(
            "paragraph",
            "p.n",
            "With q=: the matching paragraph's number (cite it as /v1/statements/{id}#pN);"
                + " null in the list of statements"));
    common("p").forEach(p::field);
    PASSAGES =
        p.timestamps("s")
            .key("id", "paragraph")
            .sort("year", "code")
            .search("p.search", PARAGRAPH_TEXT)
            .rankBound(newest(RANKED))
            .build();
  }
}
