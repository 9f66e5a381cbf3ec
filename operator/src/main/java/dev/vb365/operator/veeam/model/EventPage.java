package dev.vb365.operator.veeam.model;

import java.util.List;

/** A page of the change feed and the token to continue from. */
public record EventPage(String nextChangeToken, List<ChangeEvent> events) {

    public EventPage {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
