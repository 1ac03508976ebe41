package quarry.core.project;

import java.util.ArrayList;
import java.util.List;

/**
 * A fast reader for the shapes nearly every properties file has: block mappings and sequences
 * (indentless sequences included), plain scalars on one line, single- and double-quoted scalars
 * without escapes on one line, flow sequences of such scalars on one line, and comments. Anything
 * else (anchors, aliases, tags, block and multi-line scalars, flow mappings, merge keys, tabs,
 * document markers, directives, escapes) and anything that might be an error gives
 * {@link #UNSUPPORTED}, and {@link YamlReader} reads the text with SnakeYAML instead, which also
 * reports every error with its line. Scalars are resolved by SnakeYAML's YAML 1.1 resolver, and
 * the values, their order and the lines of mappings and keys are what SnakeYAML would give.
 */
final class BlockYaml {

    /** The text has a shape this reader does not take. */
    static final Object UNSUPPORTED = new Object();

    /** Thrown inside the reader when it meets something it does not take. */
    private static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static final Unsupported UNSUPPORTED_SHAPE = new Unsupported();

    private final String[] contents;
    private final int[] indents;
    private final int[] lines;
    private final int count;
    private int at;

    private BlockYaml(String[] contents, int[] indents, int[] lines, int count) {
        this.contents = contents;
        this.indents = indents;
        this.lines = lines;
        this.count = count;
    }

    /** The document's value, or {@link #UNSUPPORTED}. */
    static Object parse(String text) {
        if (text.indexOf('\t') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\\') >= 0 || text.indexOf('&') >= 0
                || text.indexOf('*') >= 0 || text.indexOf('!') >= 0 || text.indexOf('{') >= 0
                || text.indexOf('|') >= 0 || text.indexOf('>') >= 0 || text.indexOf('\uFEFF') >= 0) {
            return UNSUPPORTED;
        }
        List<String> rawLines = text.lines().toList();
        String[] contents = new String[rawLines.size()];
        int[] indents = new int[rawLines.size()];
        int[] lines = new int[rawLines.size()];
        int count = 0;
        for (int i = 0; i < rawLines.size(); i++) {
            String line = rawLines.get(i);
            int indent = 0;
            while (indent < line.length() && line.charAt(indent) == ' ') {
                indent++;
            }
            if (indent == line.length() || line.charAt(indent) == '#') {
                continue;
            }
            String content = line.substring(indent).stripTrailing();
            if (content.startsWith("---") || content.startsWith("...") || content.startsWith("%")) {
                return UNSUPPORTED;
            }
            contents[count] = content;
            indents[count] = indent;
            lines[count] = i + 1;
            count++;
        }
        if (count == 0) {
            return UNSUPPORTED;
        }
        BlockYaml reader = new BlockYaml(contents, indents, lines, count);
        try {
            Object value = reader.node(indents[0]);
            return reader.at == count ? value : UNSUPPORTED;
        } catch (Unsupported e) {
            return UNSUPPORTED;
        }
    }

    private static Unsupported unsupported() {
        return UNSUPPORTED_SHAPE;
    }

    private boolean entryAt(int i) {
        String c = contents[i];
        return c.startsWith("- ") || c.equals("-");
    }

    /** A mapping or sequence starting at the current line, which is at {@code indent}. */
    private Object node(int indent) {
        if (indents[at] != indent) {
            throw unsupported();
        }
        return entryAt(at) ? sequence(indent) : mapping(indent);
    }

    private YamlMap mapping(int indent) {
        YamlMap map = new YamlMap(lines[at]);
        while (at < count && indents[at] == indent && !entryAt(at)) {
            String content = contents[at];
            int line = lines[at];
            int colon = keyEnd(content);
            String keyText = content.substring(0, colon).stripTrailing();
            if (keyText.isEmpty() || !plainStart(keyText) || keyText.contains(" #") || keyText.equals("<<")) {
                throw unsupported();
            }
            String key = String.valueOf(YamlReader.plainScalar(keyText));
            String rest = colon + 1 < content.length() ? content.substring(colon + 1).strip() : "";
            at++;
            Object value;
            if (rest.isEmpty() || rest.startsWith("#")) {
                if (at < count && indents[at] > indent) {
                    value = node(indents[at]);
                } else if (at < count && indents[at] == indent && entryAt(at)) {
                    value = sequence(indent);
                } else {
                    value = null;
                }
            } else {
                value = inline(rest);
                endOfValue(indent);
            }
            map.putWithLine(key, value, line);
        }
        if (at < count && indents[at] > indent) {
            throw unsupported();
        }
        return map;
    }

    /** The end of a scalar on one line: the next line may not be deeper (a continuation, or an error). */
    private void endOfValue(int indent) {
        if (at < count && indents[at] > indent) {
            throw unsupported();
        }
    }

    private List<Object> sequence(int indent) {
        List<Object> list = new ArrayList<>();
        while (at < count && indents[at] == indent && entryAt(at)) {
            String content = contents[at];
            if (content.equals("-")) {
                throw unsupported();
            }
            int offset = 2;
            while (offset < content.length() && content.charAt(offset) == ' ') {
                offset++;
            }
            String item = content.substring(offset);
            if (item.startsWith("#") || item.startsWith("- ") || item.equals("-")) {
                throw unsupported();
            }
            char first = item.charAt(0);
            if (first != '\'' && first != '"' && first != '[' && keyEndOrMinus(item) >= 0) {
                // a mapping whose first key is on the entry's line: read it from there
                contents[at] = item;
                indents[at] = indent + offset;
                list.add(mapping(indent + offset));
            } else {
                at++;
                list.add(inline(item));
                endOfValue(indent);
            }
        }
        return list;
    }

    /** Where the key of a {@code key: value} line ends (its colon). */
    private static int keyEnd(String content) {
        int colon = keyEndOrMinus(content);
        if (colon < 0) {
            throw unsupported();
        }
        return colon;
    }

    private static int keyEndOrMinus(String content) {
        char first = content.charAt(0);
        if (first == '\'' || first == '"' || first == '[' || first == '?') {
            return -1;
        }
        for (int i = 0; i < content.length(); i++) {
            if (content.charAt(i) == ':' && (i + 1 == content.length() || content.charAt(i + 1) == ' ')) {
                return i;
            }
            if (content.charAt(i) == '#' && i > 0 && content.charAt(i - 1) == ' ') {
                return -1;
            }
        }
        return -1;
    }

    /** Whether a plain scalar may start with this text's first character (YAML's indicators may not). */
    private static boolean plainStart(String text) {
        char c = text.charAt(0);
        if ("?:,[]{}#&*!|>'\"%@`".indexOf(c) >= 0) {
            return false;
        }
        return c != '-' || text.length() > 1 && text.charAt(1) != ' ';
    }

    /** A value on one line: a quoted scalar, a flow sequence or a plain scalar, with an optional comment. */
    private static Object inline(String text) {
        char first = text.charAt(0);
        if (first == '\'' || first == '"') {
            int[] end = new int[1];
            String value = quoted(text, 0, end);
            String after = text.substring(end[0]).strip();
            if (!after.isEmpty() && !after.startsWith("#")) {
                throw unsupported();
            }
            return value;
        }
        if (first == '[') {
            return flowSequence(text);
        }
        if (!plainStart(text)) {
            throw unsupported();
        }
        String value = text;
        int comment = value.indexOf(" #");
        if (comment >= 0) {
            value = value.substring(0, comment).stripTrailing();
        }
        if (value.contains(": ") || value.endsWith(":")) {
            throw unsupported();
        }
        return YamlReader.plainScalar(value);
    }

    /** A quoted scalar starting at {@code from}; {@code end[0]} is set after its closing quote. */
    private static String quoted(String text, int from, int[] end) {
        char quote = text.charAt(from);
        StringBuilder out = new StringBuilder();
        int i = from + 1;
        while (true) {
            if (i >= text.length()) {
                throw unsupported();
            }
            char c = text.charAt(i);
            if (c == quote) {
                if (quote == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    out.append('\'');
                    i += 2;
                    continue;
                }
                end[0] = i + 1;
                return out.toString();
            }
            out.append(c);
            i++;
        }
    }

    /** {@code [a, 'b', "c"]} on one line: scalars only. */
    private static List<Object> flowSequence(String text) {
        List<Object> items = new ArrayList<>();
        int i = 1;
        int[] end = new int[1];
        while (true) {
            while (i < text.length() && text.charAt(i) == ' ') {
                i++;
            }
            if (i >= text.length()) {
                throw unsupported();
            }
            char c = text.charAt(i);
            if (c == ']' && items.isEmpty()) {
                i++;
                break;
            }
            if (c == '\'' || c == '"') {
                items.add(quoted(text, i, end));
                i = end[0];
            } else {
                int start = i;
                while (i < text.length() && ",[]{}#:".indexOf(text.charAt(i)) < 0) {
                    i++;
                }
                String plain = text.substring(start, i).strip();
                if (plain.isEmpty() || !plainStart(plain)) {
                    throw unsupported();
                }
                items.add(YamlReader.plainScalar(plain));
            }
            while (i < text.length() && text.charAt(i) == ' ') {
                i++;
            }
            if (i >= text.length()) {
                throw unsupported();
            }
            if (text.charAt(i) == ',') {
                i++;
                continue;
            }
            if (text.charAt(i) == ']') {
                i++;
                break;
            }
            throw unsupported();
        }
        String after = text.substring(i).strip();
        if (!after.isEmpty() && !after.startsWith("#")) {
            throw unsupported();
        }
        return items;
    }
}
