package io.communique.model;

/**
 * The fact in two public event-coding schemes, so subscribers can join Communiqué with datasets coded in them.
 *
 * @param cameo  CAMEO event code, e.g. "042" (make a visit), "046" (engage in negotiation)
 * @param plover PLOVER event type, e.g. "CONSULT", "SUPPORT" (CAMEO 057, signing a formal agreement)
 * @param mode   PLOVER mode where the scheme has one ("visit", "host", "phone", "third-party"), else null
 */
public record EventCodes(String cameo, String plover, String mode) {
}
