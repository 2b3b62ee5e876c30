package io.communique.extract;

/**
 * A country, organisation, person or place named in the (converted) text.
 *
 * @param code    the country or organisation code it stands for
 * @param surface the text as written (in converted script)
 * @param person  the person's name when the mention is a person, else null
 */
record Mention(String code, int start, int end, Kind kind, String surface, String person) {

    enum Kind {
        /** a country name, short name, adjective or "X方" side */
        COUNTRY,
        /** an adjective or demonym ("Portuguese"): a party, never a place */
        ADJECTIVE,
        /** a capital, usable as a metonym for its country */
        CAPITAL,
        /** another city or venue: only ever a location */
        CITY,
        /** a leader or minister, resolved by the report's date */
        PERSON,
        /** a domestic Chinese title without a country ("国家主席"), meaning China */
        TITLE,
        /** an organisation or multilateral format */
        ORGANISATION
    }

    boolean isOrganisation() {
        return kind == Kind.ORGANISATION;
    }

    /** Whether it can name a party to an event (cities only give locations). */
    boolean isParty() {
        return kind != Kind.CITY && kind != Kind.ORGANISATION;
    }

    /** Whether it can name where something happened; one-character short forms ("俄印峰会") never do. */
    boolean isPlace() {
        return kind == Kind.CAPITAL || kind == Kind.CITY || kind == Kind.COUNTRY && end - start > 1;
    }
}
