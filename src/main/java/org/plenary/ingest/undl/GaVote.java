package org.plenary.ingest.undl;

import java.time.LocalDate;
import java.util.List;

/**
 * One row of the General Assembly voting file: a member's ballot on a roll call ({@code undlId}),
 * with what the row says of the roll call. {@code symbol} is null when {@code resolution} is not a
 * resolution's symbol; {@code method} is read from {@code modality} (the 2024 layout only, else
 * null); {@code line} is the row's line in the file.
 */
public record GaVote(
    int undlId,
    String memberCode,
    String memberName,
    Ballot ballot,
    LocalDate date,
    String session,
    String resolution,
    Symbol symbol,
    AdoptionMethod method,
    List<String> drafts,
    List<String> committeeReports,
    List<String> meetings,
    Title title,
    List<String> agendaTitles,
    List<String> subjects,
    String voteNote,
    Tallies tallies,
    Integer totalMembers,
    String link,
    long line) {}
