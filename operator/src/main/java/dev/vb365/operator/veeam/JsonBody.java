package dev.vb365.operator.veeam;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The body of a successful answer, as the client is willing to read it: JSON (an HTML page from a
 * proxy or portal in front of VB365 is named as such instead of failing deep in the parser), and at
 * most {@link #MAX_BYTES}, so a broken or hostile server cannot fill the operator's memory or keep
 * a reconcile busy reading.
 */
final class JsonBody {

    /** Far above any answer VB365 gives to one call (a page of 1000 jobs is a few MiB). */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private JsonBody() {
    }

    static InputStream open(Endpoint endpoint, Response response) {
        String type = response.header("Content-Type");
        if (type != null && type.toLowerCase(Locale.ROOT).contains("html")) {
            throw new MalformedResponseException(endpoint, response.code(), "the server answered with an HTML page "
                    + "(Content-Type " + type + "), not JSON: is the url the VB365 REST API, and no proxy or login "
                    + "page in between?", null);
        }
        ResponseBody body = response.body();
        if (body.contentLength() > MAX_BYTES) {
            throw tooLarge(endpoint, response.code());
        }
        return new Capped(body.byteStream(), endpoint, response.code());
    }

    private static MalformedResponseException tooLarge(Endpoint endpoint, int status) {
        return new MalformedResponseException(endpoint, status, "the answer is larger than "
                + MAX_BYTES / (1024 * 1024) + " MiB, the most the client reads from one call; it stopped reading",
                null);
    }

    /** Fails the read once more than {@link #MAX_BYTES} have arrived. */
    private static final class Capped extends FilterInputStream {
        private final Endpoint endpoint;
        private final int status;
        private long read;

        Capped(InputStream in, Endpoint endpoint, int status) {
            super(in);
            this.endpoint = endpoint;
            this.status = status;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) {
            read += n;
            if (read > MAX_BYTES) {
                throw tooLarge(endpoint, status);
            }
        }
    }
}
