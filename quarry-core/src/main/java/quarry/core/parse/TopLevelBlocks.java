package quarry.core.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import quarry.core.SourceLocation;

/**
 * Finds the top-level blocks of a macro, snapshot or docs file before any rendering, as dbt's block
 * extractor does: {@code macro}, {@code test}, {@code materialization}, {@code snapshot} and
 * {@code docs}, each with its name, its header arguments, its whole text and its body.
 */
public final class TopLevelBlocks {

    private static final Set<String> KINDS = Set.of("macro", "test", "materialization", "snapshot", "docs");

    /**
     * One block.
     *
     * @param header the text after the block keyword in the opening tag, e.g. {@code name(a, b)}
     * @param fullText the opening tag through the closing tag
     * @param body the text between the tags
     * @param line the line of the opening tag
     */
    public record Block(String kind, String name, String header, String fullText, String body, int line, int bodyLine) {}

    private TopLevelBlocks() {}

    public static List<Block> find(String text, String file) {
        List<Block> blocks = new ArrayList<>();
        int i = 0;
        int n = text.length();
        String openKind = null;
        int openStart = 0;
        int openLine = 0;
        int bodyStart = 0;
        int depth = 0;
        String openHeader = null;
        while (i < n) {
            int start = text.indexOf('{', i);
            if (start < 0 || start + 1 >= n) {
                break;
            }
            char next = text.charAt(start + 1);
            if (next == '#') {
                int end = text.indexOf("#}", start + 2);
                if (end < 0) {
                    throw new ParseException(new SourceLocation(file, lineAt(text, start)), "unclosed comment '{#'");
                }
                i = end + 2;
                continue;
            }
            if (next != '%') {
                i = start + 1;
                continue;
            }
            int end = tagEnd(text, start + 2);
            if (end < 0) {
                throw new ParseException(new SourceLocation(file, lineAt(text, start)), "unclosed tag '{%'");
            }
            String inner = text.substring(start + 2, end).strip();
            if (inner.startsWith("-")) {
                inner = inner.substring(1).strip();
            }
            if (inner.endsWith("-")) {
                inner = inner.substring(0, inner.length() - 1).strip();
            }
            if (inner.startsWith("+")) {
                inner = inner.substring(1).strip();
            }
            String keyword = keyword(inner);
            if (keyword.equals("raw")) {
                int endRaw = findEndRaw(text, end + 2);
                if (endRaw < 0) {
                    throw new ParseException(new SourceLocation(file, lineAt(text, start)), "unclosed '{% raw %}'");
                }
                i = endRaw;
                continue;
            }
            if (openKind == null) {
                if (KINDS.contains(keyword)) {
                    openKind = keyword;
                    openStart = start;
                    openLine = lineAt(text, start);
                    openHeader = inner.substring(keyword.length()).strip();
                    bodyStart = end + 2;
                    depth = 1;
                } else if (keyword.startsWith("end") && KINDS.contains(keyword.substring(3))) {
                    throw new ParseException(new SourceLocation(file, lineAt(text, start)),
                            "'{% " + keyword + " %}' without a matching '{% " + keyword.substring(3) + " %}'");
                }
            } else if (keyword.equals(openKind)) {
                depth++;
            } else if (keyword.equals("end" + openKind)) {
                depth--;
                if (depth == 0) {
                    String name = blockName(openHeader);
                    if (name.isEmpty()) {
                        throw new ParseException(new SourceLocation(file, openLine), "'{% " + openKind + " %}' has no name");
                    }
                    blocks.add(new Block(openKind, name, openHeader, text.substring(openStart, end + 2),
                            text.substring(bodyStart, start), openLine, lineAt(text, bodyStart)));
                    openKind = null;
                }
            }
            i = end + 2;
        }
        if (openKind != null) {
            throw new ParseException(new SourceLocation(file, openLine),
                    "'{% " + openKind + " %}' is never closed; add '{% end" + openKind + " %}'");
        }
        return blocks;
    }

    private static int findEndRaw(String text, int from) {
        int i = from;
        while (true) {
            int start = text.indexOf("{%", i);
            if (start < 0) {
                return -1;
            }
            int end = tagEnd(text, start + 2);
            if (end < 0) {
                return -1;
            }
            String inner = text.substring(start + 2, end).replace("-", "").strip();
            if (inner.equals("endraw")) {
                return end + 2;
            }
            i = end + 2;
        }
    }

    /** The index of the {@code %}} closing a tag whose inside starts at {@code from}, skipping quoted strings. */
    static int tagEnd(String text, int from) {
        return closingAt(text, from, '%');
    }

    /**
     * The index of the two-character delimiter {@code <first>}} ({@code %}} or {@code }}}) closing a
     * tag or expression whose inside starts at {@code from}, skipping quoted strings; -1 when none.
     */
    static int closingAt(String text, int from, char first) {
        char quote = 0;
        for (int i = from; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == first && text.charAt(i + 1) == '}') {
                return i;
            }
        }
        return -1;
    }

    private static String keyword(String inner) {
        int i = 0;
        while (i < inner.length() && (Character.isLetterOrDigit(inner.charAt(i)) || inner.charAt(i) == '_')) {
            i++;
        }
        return inner.substring(0, i);
    }

    private static String blockName(String header) {
        int i = 0;
        while (i < header.length() && (Character.isLetterOrDigit(header.charAt(i)) || header.charAt(i) == '_')) {
            i++;
        }
        return header.substring(0, i);
    }

    public static int lineAt(String text, int index) {
        int line = 1;
        for (int i = 0; i < index && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
