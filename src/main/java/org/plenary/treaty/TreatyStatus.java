package org.plenary.treaty;

/**
 * What /v1/treaty adds to the treaty's record: the known signatories against the official count,
 * the entry-into-force rule in words, and the ratifications (unknown, not zero: no source gives
 * them).
 */
public record TreatyStatus(
    int signatoriesKnownCount,
    Boolean signatoriesListComplete,
    String entryIntoForceRule,
    Integer ratificationsKnown,
    Boolean inForce) {}
