package quarry.core.jinja;

/** One lexical token; {@code start}/{@code end} are offsets into the normalized source. */
record Token(Kind kind, String text, Object value, int start, int end) {

    enum Kind { TEXT, VAR_BEGIN, VAR_END, BLOCK_BEGIN, BLOCK_END, NAME, STRING, INT, FLOAT, OP, EOF }

    boolean is(Kind k, String t) {
        return kind == k && text.equals(t);
    }

    boolean isOp(String t) {
        return kind == Kind.OP && text.equals(t);
    }

    boolean isName(String t) {
        return kind == Kind.NAME && text.equals(t);
    }

    String describe() {
        return switch (kind) {
            case EOF -> "end of template";
            case VAR_END -> "end of print statement";
            case BLOCK_END -> "end of statement block";
            case TEXT -> "template data";
            case STRING -> "string";
            default -> "'" + text + "'";
        };
    }
}
