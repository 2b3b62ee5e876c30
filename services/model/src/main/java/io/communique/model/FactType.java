package io.communique.model;

/** The kinds of diplomatic fact events Communiqué extracts. */
public enum FactType {
    VISIT,
    TALKS,
    MEETING,
    PHONE_CALL,
    STATEMENT_SIGNED,
    AGREEMENT_SIGNED,
    SUMMIT
}
