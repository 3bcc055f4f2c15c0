package org.plenary.ingest.undl;

import java.time.LocalDate;
import java.util.List;

/**
 * One row of the General Assembly resolutions file: a resolution and how it was adopted. {@code
 * tallies} are known only for a recorded vote ({@link Tallies#UNKNOWN} otherwise, whatever the
 * file's totals say).
 */
public record GaResolution(
    int undlId,
    String resolution,
    Symbol symbol,
    String session,
    LocalDate date,
    Title title,
    AdoptionMethod method,
    List<String> drafts,
    List<String> amendedDrafts,
    List<String> committeeReports,
    List<String> meetings,
    List<String> agendaTitles,
    List<String> subjects,
    String voteNote,
    Tallies tallies,
    Integer totalMembers,
    String link,
    long line) {}
