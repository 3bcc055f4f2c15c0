package org.plenary.delegation;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/** The typed results of {@link AgreementService}. */
public final class AgreementRecords {
  private AgreementRecords() {}

  /**
   * The counts behind both measures, and the measures (null when no vote qualifies).
   *
   * @param stateDepartment identical / (identical + opposite)
   * @param voeten the mean of 1 - |a - b| with yes = 1, abstain = 0.5, no = 0
   */
  public record Measures(
      int votesShared,
      int votesBothTookPart,
      int votesBothYesOrNo,
      int identical,
      int opposite,
      int oneAbstained,
      Double stateDepartment,
      Double voeten) {}

  /** A source of the roll calls compared. */
  public record Source(String id, String publisher, String title, String url) {}

  /** One vote both delegations took part in, side by side. */
  public record ComparedVote(
      String voteId,
      String voteDate,
      String voteSubject,
      String vote,
      String withVote,
      Double agreement) {}

  /** Two delegations compared, with the votes compared. */
  public record Pair(
      String delegationId,
      String with,
      @JsonUnwrapped Measures measures,
      String definition,
      List<ComparedVote> votes,
      List<Source> sources) {}

  /** The delegation against one other, a row of the ranking. */
  public record Ranked(
      String delegationId,
      String with,
      String withName,
      String withRegionalGroup,
      @JsonUnwrapped Measures measures,
      List<Source> sources) {}

  /** The agreement of two delegations in one year, over the recorded votes both have. */
  public record Year(int year, @JsonUnwrapped Measures measures) {}

  /** Two delegations' agreement year by year (by=year), one entry per year both took part in. */
  public record Series(
      String delegationId,
      String with,
      String by,
      String definition,
      List<Year> series,
      List<Source> sources) {}
}
