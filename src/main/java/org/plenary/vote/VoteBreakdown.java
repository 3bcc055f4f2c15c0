package org.plenary.vote;

import java.util.List;

/**
 * A recorded vote's roll call counted per group (today per regional group), with the groups' totals
 * and the vote's official tallies: {@code matches_tallies} says whether they agree.
 */
public record VoteBreakdown(
    String voteId,
    String by,
    String rollCallStatus,
    List<Group> groups,
    Counts totals,
    Tallies tallies,
    boolean matchesTallies,
    String definition,
    List<Source> sources) {

  /**
   * One group's ballots ({@code regional_group} "none" for delegations outside every group), with
   * its cohesion (docs/analytics.md; null for "none", and where no member voted).
   *
   * @param agreementIndex the Hix-Noury-Roland Agreement Index of its yes, no and abstain ballots
   * @param majority its most frequent of yes, no, abstain; null on a tie
   * @param againstGroupMajority the members whose yes, no or abstain differs from it
   */
  public record Group(
      String regionalGroup,
      int yes,
      int no,
      int abstain,
      int nonVoting,
      int total,
      Double agreementIndex,
      String majority,
      List<String> againstGroupMajority) {}

  /** The groups added up. */
  public record Counts(int yes, int no, int abstain, int nonVoting, int total) {}

  /** The vote's official tallies (null where unknown). */
  public record Tallies(Integer yes, Integer no, Integer abstain, Integer nonVoting) {}

  /** A source of the roll call, with where in it. */
  public record Source(String id, String publisher, String title, String url, String locator) {}
}
