package quarry.core.jinja;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Jinja2's {@code urlize}: links http(s), www. and e-mail addresses in HTML-escaped text. */
final class Urlize {
    private static final Pattern HTTP = Pattern.compile("^("
            + "(https?://|www\\.)(([\\w%-]+\\.)+)?([a-z]{2,63}|xn--[\\w%]{2,59})"
            + "|([\\w%-]{2,63}\\.)+(com|net|int|edu|gov|org|info|mil)"
            + "|(https?://)((([\\d]{1,3})(\\.[\\d]{1,3}){3})|(\\[([\\da-f]{0,4}:){2}([\\da-f]{0,4}:?){1,6}]))"
            + ")(?::[\\d]{1,5})?(?:[/?#]\\S*)?$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern EMAIL = Pattern.compile("^\\S+@\\w[\\w.-]*\\.\\w+$", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern HEAD = Pattern.compile("^([(<]|&lt;)+");
    private static final Pattern TAIL = Pattern.compile("([)>.,\\n]|&gt;)+$");
    private static final Pattern SPACE_SPLIT = Pattern.compile("(\\s+)");

    private Urlize() {
    }

    static Object filter(Object value, Arguments a) {
        Object limitArg = a.get(0, "trim_url_limit", null);
        Integer limit = limitArg == null ? null : (int) Py.toIndex(limitArg);
        boolean nofollow = Py.truthy(a.get(1, "nofollow", false));
        Object target = a.get(2, "target", null);
        Object relArg = a.get(3, "rel", null);
        Set<String> relParts = new TreeSet<>();
        for (String part : (relArg == null ? "" : Py.str(relArg)).trim().split("\\s+")) {
            if (!part.isEmpty()) {
                relParts.add(part);
            }
        }
        if (nofollow) {
            relParts.add("nofollow");
        }
        relParts.add("noopener");
        String relAttr = " rel=\"" + StringFilters.escape(String.join(" ", relParts)) + "\"";
        String targetAttr = target == null || !Py.truthy(target) ? "" : " target=\"" + StringFilters.escape(target) + "\"";
        List<String> schemes = new ArrayList<>();
        Object extra = a.get(4, "extra_schemes", null);
        if (extra != null) {
            for (Object s : Py.iterate(extra)) {
                schemes.add(Py.str(s));
            }
        }
        return urlize(StringFilters.escape(value), limit, relAttr, targetAttr, schemes);
    }

    private static String urlize(String text, Integer limit, String rel, String target, List<String> schemes) {
        StringBuilder out = new StringBuilder();
        Matcher spaces = SPACE_SPLIT.matcher(text);
        int last = 0;
        while (spaces.find()) {
            out.append(word(text.substring(last, spaces.start()), limit, rel, target, schemes));
            out.append(spaces.group());
            last = spaces.end();
        }
        out.append(word(text.substring(last), limit, rel, target, schemes));
        return out.toString();
    }

    private static String word(String word, Integer limit, String rel, String target, List<String> schemes) {
        String head = "";
        String middle = word;
        String tail = "";
        Matcher m = HEAD.matcher(middle);
        if (m.find()) {
            head = m.group();
            middle = middle.substring(m.end());
        }
        m = TAIL.matcher(middle);
        if (m.find()) {
            tail = m.group();
            middle = middle.substring(0, m.start());
        }
        String[][] pairs = {{"(", ")"}, {"<", ">"}, {"&lt;", "&gt;"}};
        for (String[] pair : pairs) {
            int starts = count(middle, pair[0]);
            if (starts <= count(middle, pair[1])) {
                continue;
            }
            int moves = Math.min(starts, count(tail, pair[1]));
            for (int i = 0; i < moves; i++) {
                int end = tail.indexOf(pair[1]) + pair[1].length();
                middle += tail.substring(0, end);
                tail = tail.substring(end);
            }
        }
        if (HTTP.matcher(middle).matches()) {
            String shown = limit != null && middle.length() > limit ? middle.substring(0, limit) + "..." : middle;
            String href = middle.startsWith("https://") || middle.startsWith("http://") ? middle : "https://" + middle;
            middle = "<a href=\"" + href + "\"" + rel + target + ">" + shown + "</a>";
        } else if (middle.startsWith("mailto:") && EMAIL.matcher(middle.substring(7)).matches()) {
            middle = "<a href=\"" + middle + "\">" + middle.substring(7) + "</a>";
        } else if (middle.contains("@") && !middle.startsWith("www.") && !middle.startsWith("@") && !middle.contains(":")
                && EMAIL.matcher(middle).matches()) {
            middle = "<a href=\"mailto:" + middle + "\">" + middle + "</a>";
        } else {
            for (String scheme : schemes) {
                if (!middle.equals(scheme) && middle.startsWith(scheme)) {
                    middle = "<a href=\"" + middle + "\"" + rel + target + ">" + middle + "</a>";
                }
            }
        }
        return head + middle + tail;
    }

    private static int count(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length())) {
            n++;
        }
        return n;
    }
}
