package quarry.core.jinja;

import java.util.Arrays;

/**
 * A template's text after Jinja2's newline handling ({@code \r\n} and {@code \r} become
 * {@code \n}; one trailing newline dropped unless kept), with offset-to-line/column lookup.
 */
final class Source {
    final String name;
    final String text;
    private final int[] lineStarts;

    Source(String name, String raw, boolean keepTrailingNewline) {
        this.name = name;
        String text = raw.indexOf('\r') >= 0 ? raw.replace("\r\n", "\n").replace('\r', '\n') : raw;
        if (!keepTrailingNewline && text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        this.text = text;
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    int line(int offset) {
        int index = Arrays.binarySearch(lineStarts, offset);
        return (index >= 0 ? index : -index - 2) + 1;
    }

    int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    Pos pos(int offset) {
        return new Pos(name, line(offset), column(offset));
    }

    JinjaException error(String message, int offset) {
        return new JinjaException(message, name, line(offset), column(offset), null);
    }
}
