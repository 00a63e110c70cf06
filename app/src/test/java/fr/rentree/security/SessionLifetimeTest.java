package fr.rentree.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which Vaadin requests are the user's doing: a request of polls alone (and what follows them) is not. */
class SessionLifetimeTest {

    @Test
    void a_request_of_polls_alone_is_no_activity_and_any_other_event_is() {
        String poll = "{\"type\":\"event\",\"node\":1,\"event\":\"ui-poll\",\"data\":{}}";
        String click = "{\"type\":\"event\",\"node\":42,\"event\":\"click\",\"data\":{}}";
        String confirmed = "{\"type\":\"publishedEventHandler\",\"node\":10,\"templateEventMethodName\":"
                + "\"confirmUpdate\",\"templateEventMethodArgs\":[1],\"promise\":1}";
        String typed = "{\"type\":\"mSync\",\"node\":7,\"feature\":1,\"property\":\"value\",\"value\":\"ui-poll\"}";

        assertThat(SessionLifetime.onlyPolls(uidl(poll))).isTrue();
        assertThat(SessionLifetime.onlyPolls(uidl(poll + "," + poll))).isTrue();
        assertThat(SessionLifetime.onlyPolls(uidl(confirmed))).as("the grid's acknowledgement of a refresh").isTrue();
        assertThat(SessionLifetime.onlyPolls(uidl(poll + "," + click))).isFalse();
        assertThat(SessionLifetime.onlyPolls(uidl(typed))).as("a field's value that reads ui-poll").isFalse();
        assertThat(SessionLifetime.onlyPolls(uidl(""))).as("nothing: a resynchronisation").isFalse();
    }

    private static String uidl(String rpc) {
        return "{\"csrfToken\":\"abc\",\"rpc\":[" + rpc + "],\"syncId\":3,\"clientId\":3}";
    }
}
