package org.plenary.ingest.undl;

import java.time.LocalDate;
import java.util.List;

/**
 * One row of the Security Council voting file: a Council member on a resolution. {@code method} is
 * decided by {@code modality} alone: for a resolution adopted without a vote, {@code ballot} is
 * null and {@code tallies} unknown, whatever letters and totals the row carries (the Library has
 * written such rows both as all {@code Y} and as all {@code X} with totals 0).
 */
public record ScVote(
    int undlId,
    String memberCode,
    String memberName,
    boolean permanentMember,
    Ballot ballot,
    LocalDate date,
    String resolution,
    Symbol symbol,
    AdoptionMethod method,
    List<String> drafts,
    List<String> meetings,
    Title description,
    List<String> agenda,
    List<String> subjects,
    String voteNote,
    Tallies tallies,
    Integer totalMembers,
    String link,
    long line) {}
