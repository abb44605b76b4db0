package dev.baton.data;

/** How lines end in a delimited file. LF also accepts CRLF; CR is for old Mac files that use a lone CR. */
public enum LineEnding {
    LF("\\n"),
    CRLF("\\r\\n"),
    CR("\\r");

    private final String escaped;

    LineEnding(String escaped) {
        this.escaped = escaped;
    }

    public String escaped() {
        return escaped;
    }
}
