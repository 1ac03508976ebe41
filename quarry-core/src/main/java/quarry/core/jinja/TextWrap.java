package quarry.core.jinja;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Python's {@code textwrap.wrap} as Jinja2's {@code wordwrap} calls it (no tab expansion, whitespace kept). */
final class TextWrap {
    private static final String WS = "[\\t\\n\\x0b\\x0c\\r ]";
    private static final String NWS = "[^\\t\\n\\x0b\\x0c\\r ]";
    private static final String WORD_PUNCT = "[\\w!\"'&.,?]";
    private static final String LETTER = "[^\\d\\W]";
    private static final Pattern WORDSEP = Pattern.compile("(" + WS + "+"
            + "|(?<=" + WORD_PUNCT + ")-{2,}(?=\\w)"
            + "|" + NWS + "+?(?:-(?:(?<=" + LETTER + "{2}-)|(?<=" + LETTER + "-" + LETTER + "-))(?=" + LETTER + "-?"
            + LETTER + ")|(?=" + WS + "|\\z)|(?<=" + WORD_PUNCT + ")(?=-{2,}\\w)))", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern WORDSEP_SIMPLE = Pattern.compile("(" + WS + "+)");

    private TextWrap() {
    }

    static List<String> wrap(String text, int width, boolean breakLongWords, boolean breakOnHyphens) {
        if (width <= 0) {
            throw new JinjaException("invalid width " + width + " (must be > 0)");
        }
        List<String> chunks = split(text, breakOnHyphens ? WORDSEP : WORDSEP_SIMPLE);
        Collections.reverse(chunks);
        List<String> lines = new ArrayList<>();
        while (!chunks.isEmpty()) {
            List<String> line = new ArrayList<>();
            int length = 0;
            if (!lines.isEmpty() && last(chunks).isBlank()) {
                chunks.remove(chunks.size() - 1);
            }
            while (!chunks.isEmpty()) {
                int l = last(chunks).length();
                if (length + l <= width) {
                    line.add(chunks.remove(chunks.size() - 1));
                    length += l;
                } else {
                    break;
                }
            }
            if (!chunks.isEmpty() && last(chunks).length() > width) {
                longWord(chunks, line, length, width, breakLongWords, breakOnHyphens);
            }
            if (!line.isEmpty() && last(line).isBlank()) {
                line.remove(line.size() - 1);
            }
            if (!line.isEmpty()) {
                lines.add(String.join("", line));
            }
        }
        return lines;
    }

    private static void longWord(List<String> reversed, List<String> line, int length, int width, boolean breakLong,
            boolean breakOnHyphens) {
        int spaceLeft = width < 1 ? 1 : width - length;
        if (breakLong) {
            String chunk = last(reversed);
            int end = spaceLeft;
            if (breakOnHyphens && chunk.length() > spaceLeft) {
                int hyphen = chunk.lastIndexOf('-', spaceLeft - 1);
                if (hyphen > 0 && chunk.substring(0, hyphen).chars().anyMatch(c -> c != '-')) {
                    end = hyphen + 1;
                }
            }
            line.add(chunk.substring(0, end));
            reversed.set(reversed.size() - 1, chunk.substring(end));
        } else if (line.isEmpty()) {
            line.add(reversed.remove(reversed.size() - 1));
        }
    }

    private static String last(List<String> list) {
        return list.get(list.size() - 1);
    }

    /** Python's {@code re.split} with one capturing group, dropping empty strings. */
    private static List<String> split(String text, Pattern pattern) {
        List<String> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        int last = 0;
        while (m.find()) {
            if (m.end() == m.start()) {
                continue;
            }
            if (m.start() > last) {
                out.add(text.substring(last, m.start()));
            }
            out.add(m.group(1));
            last = m.end();
        }
        if (last < text.length()) {
            out.add(text.substring(last));
        }
        return out;
    }
}
