package org.plenary.statement;

import java.util.List;

/** The General Debate's response shapes beside the collections' records. */
public final class StatementRecords {
  private StatementRecords() {}

  /** A paragraph of a statement: its number (the anchor #pN) and text. */
  public record Paragraph(int n, String text) {}

  /** What /v1/statements/{id} adds to the statement's record: its text and how to cite it. */
  public record Text(List<Paragraph> text, String citation) {}

  /** Per value of by= (a year, a decade): matching statements and paragraphs. */
  public record Count(int value, long statements, long paragraphs) {}

  /** A statement's passage that matches a search, beside a vote. */
  public record Passage(
      String statementId,
      int paragraph,
      String code,
      String delegationId,
      String delegationName,
      String speaker,
      String post,
      double rank,
      String snippet,
      String url) {}

  /** The statements of one side of a vote (a ballot): how many match, the best passages. */
  public record Side(String vote, long statements, List<Passage> passages) {}

  /**
   * The statements of a vote's session in the General Debate that match a search, per side of the
   * vote: {@code q} is the request's, or the vote's subject as any of its words.
   */
  public record VoteStatements(
      String voteId,
      Integer session,
      String q,
      boolean qFromSubject,
      String citation,
      List<Side> sides) {}
}
