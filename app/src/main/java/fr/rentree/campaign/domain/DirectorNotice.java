package fr.rentree.campaign.domain;

/** An e-mail to one of a school's directors about their school's campaign, while it waits to be sent. */
public record DirectorNotice(long id, String username, String email) {

    /** Its Message-ID: the same at every attempt, so a duplicate can be told apart. */
    public String messageId(String domain) {
        return "<rentree.notice-" + id + "@" + domain + ">";
    }

    /** What the e-mail tells: the campaign launched by the district, or a step late. */
    public enum Kind { LAUNCHED, LATE }
}
