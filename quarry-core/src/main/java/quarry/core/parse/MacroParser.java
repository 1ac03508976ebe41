package quarry.core.parse;

import java.util.ArrayList;
import java.util.List;
import quarry.core.SourceLocation;
import quarry.core.manifest.DocBlock;
import quarry.core.manifest.Macro;

/** Reads the {@code macro}, {@code test} and {@code materialization} blocks of macro files, and docs blocks. */
public final class MacroParser {

    private MacroParser() {}

    public static List<Macro> macros(String packageName, String path, String text) {
        List<Macro> out = new ArrayList<>();
        for (TopLevelBlocks.Block block : TopLevelBlocks.find(text, path)) {
            String name;
            switch (block.kind()) {
                case "macro" -> name = block.name();
                case "test" -> name = "test_" + block.name();
                case "materialization" -> name = materializationName(block, path);
                default -> {
                    continue;
                }
            }
            out.add(new Macro("macro." + packageName + "." + name, packageName, name, path, path, block.fullText(),
                    argumentNames(block.header()), block.line(), ""));
        }
        return out;
    }

    public static List<DocBlock> docs(String packageName, String path, String originalFilePath, String text) {
        List<DocBlock> out = new ArrayList<>();
        for (TopLevelBlocks.Block block : TopLevelBlocks.find(text, originalFilePath)) {
            if (block.kind().equals("docs")) {
                out.add(new DocBlock("doc." + packageName + "." + block.name(), packageName, block.name(), path,
                        originalFilePath, block.body().strip()));
            }
        }
        return out;
    }

    private static String materializationName(TopLevelBlocks.Block block, String path) {
        String header = block.header();
        String adapter = "default";
        int comma = header.indexOf(',');
        if (comma >= 0) {
            String rest = header.substring(comma + 1).strip();
            if (rest.startsWith("adapter")) {
                int eq = rest.indexOf('=');
                if (eq < 0) {
                    throw new ParseException(new SourceLocation(path, block.line()), "materialization adapter must be adapter='name'");
                }
                adapter = rest.substring(eq + 1).strip().replaceAll("^['\"]|['\"].*$", "");
            } else if (!rest.startsWith("default")) {
                int end = rest.indexOf(',');
                adapter = (end < 0 ? rest : rest.substring(0, end)).strip();
            }
        }
        return "materialization_" + block.name() + "_" + adapter;
    }

    /** The argument names of a macro header such as {@code name(a, b=1, c='x, y')}. */
    static List<String> argumentNames(String header) {
        int open = header.indexOf('(');
        int close = header.lastIndexOf(')');
        List<String> names = new ArrayList<>();
        if (open < 0 || close <= open) {
            return names;
        }
        String inside = header.substring(open + 1, close);
        int depth = 0;
        char quote = 0;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i <= inside.length(); i++) {
            char c = i < inside.length() ? inside.charAt(i) : ',';
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                current.append(c);
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                String arg = current.toString();
                int eq = arg.indexOf('=');
                String argName = (eq < 0 ? arg : arg.substring(0, eq)).strip();
                if (!argName.isEmpty()) {
                    names.add(argName);
                }
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        return names;
    }
}
