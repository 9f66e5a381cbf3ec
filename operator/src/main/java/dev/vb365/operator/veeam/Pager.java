package dev.vb365.operator.veeam;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Walks every page of a list call with {@code offset}/{@code limit} (and the server's {@code setId},
 * where the route takes one, so later pages come from the same server-side result set). Each page is
 * parsed once, straight from the stream, and handed on; a v6/v7 endpoint that answers with a plain
 * array is one page.
 */
final class Pager {

    /** A guard against a server that ignores {@code offset} and keeps sending full pages. */
    private static final int MAX_ITEMS = 1_000_000;

    private final ApiCaller api;
    private final int pageSize;

    Pager(ApiCaller api, int pageSize) {
        this.api = api;
        this.pageSize = pageSize;
    }

    <T> List<T> all(ApiRequest request, Class<T> element) {
        List<T> all = new ArrayList<>();
        forEachPage(request, element, all::addAll);
        return all;
    }

    <T> void forEachPage(ApiRequest request, Class<T> element, Consumer<List<T>> sink) {
        ApiVersion version = api.version();
        boolean paged = version.pagedLists() || request.route.pagedInAllVersions();
        if (!paged) {
            VeeamJson.PageResult<T> whole = api.execute(request,
                    (body, endpoint, status) -> VeeamJson.readPageOrArray(body, element, endpoint, status));
            sink.accept(whole == null ? List.of() : whole.items());
            return;
        }
        int offset = 0;
        String setId = null;
        while (true) {
            ApiRequest page = request.page(offset, pageSize, request.route.takesSetId() ? setId : null);
            VeeamJson.PageResult<T> result = api.execute(page,
                    (body, endpoint, status) -> VeeamJson.readPageOrArray(body, element, endpoint, status));
            if (result == null) {
                return;
            }
            sink.accept(result.items());
            if (result.wholeList() || result.items().isEmpty()) {
                return;
            }
            if (result.setId() != null) {
                setId = result.setId();
            }
            // The server may cap the page below what was asked; a short page is the last one.
            int effectiveLimit = result.limit() != null && result.limit() > 0
                    ? Math.min(result.limit(), pageSize) : pageSize;
            if (result.items().size() < effectiveLimit) {
                return;
            }
            offset += result.items().size();
            if (offset >= MAX_ITEMS) {
                throw new MalformedResponseException(page.route.endpoint(version), 200,
                        "paging did not end after " + offset + " items", null);
            }
        }
    }
}
