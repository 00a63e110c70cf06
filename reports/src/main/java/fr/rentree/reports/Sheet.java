package fr.rentree.reports;

import org.jspecify.annotations.Nullable;

/**
 * What one account's sheet prints, already in the reader's words. Its {@link #toString()} hides the activation code,
 * as the directory's {@code ActivationCode} does: a sheet logged by accident (a failed rendering, a debugger's
 * watch) must not leak a code that opens an account.
 *
 * @param pile           the pile it is handed out with
 * @param schoolName     the school's name
 * @param entUrl         the address of the ENT
 * @param holderName     the holder's first and last name
 * @param profile        the holder's profile (Élève, Parent…)
 * @param classes        the holder's classes; null when none
 * @param children       for a parent, the children and their classes; null otherwise
 * @param login          the login
 * @param activationCode the activation code; null once the account is activated, which prints the lost-password
 *                       variant
 * @param qrUrl          the address the QR code opens (the activation or password page, login filled in, never
 *                       the code)
 * @param reminder       a campaign's reminder: the sheet says so, and that it goes in the carnet de liaison
 */
public record Sheet(Pile pile, String schoolName, String entUrl, String holderName, String profile,
                    @Nullable String classes, @Nullable String children, String login,
                    @Nullable String activationCode, String qrUrl, boolean reminder) {

    /** The page the QR code opens, in words a family types: no {@code https://}, no login parameter. */
    public String pageAddress() {
        int query = qrUrl.indexOf('?');
        String page = query < 0 ? qrUrl : qrUrl.substring(0, query);
        return page.startsWith("https://") ? page.substring("https://".length()) : page;
    }

    @Override
    public String toString() {
        return "Sheet[pile=" + pile + ", schoolName=" + schoolName + ", entUrl=" + entUrl + ", holderName="
                + holderName + ", profile=" + profile + ", classes=" + classes + ", children=" + children
                + ", login=" + login + ", activationCode=" + (activationCode == null ? "null" : "********")
                + ", qrUrl=" + qrUrl + ", reminder=" + reminder + "]";
    }
}
