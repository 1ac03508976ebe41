package quarry.core.compile;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import quarry.core.SourceLocation;
import quarry.core.jinja.JinjaEnvironment;
import quarry.core.jinja.JinjaException;
import quarry.core.jinja.Template;

/** Parsed templates by file and text, so a node parsed for the parse pass is not parsed again to compile. */
public final class Templates {

    private record Key(String file, String text) {}

    private final JinjaEnvironment env;
    private final Map<Key, Template> cache = new ConcurrentHashMap<>();

    public Templates(JinjaEnvironment env) {
        this.env = env;
    }

    /** Generated text shared by many nodes (a generic test's call, its arguments): cached once, errors name the node's file. */
    public static final String SHARED = "<generated>";

    private final Map<String, Template> shared = new ConcurrentHashMap<>();

    public Template shared(String text) {
        return shared.computeIfAbsent(text, t -> {
            try {
                return env.parse(SHARED, t);
            } catch (JinjaException e) {
                throw located(e, SHARED);
            }
        });
    }

    public Template get(String file, String text) {
        return cache.computeIfAbsent(new Key(file, text), k -> {
            try {
                return env.parse(k.file(), k.text());
            } catch (JinjaException e) {
                throw located(e, file);
            }
        });
    }

    /** A Jinja error as a compilation error naming the file and line. */
    public static CompilationException located(JinjaException e, String file) {
        String where = e.templateName() != null && !e.templateName().isEmpty() && !SHARED.equals(e.templateName())
                ? e.templateName() : file;
        String detail = e.detail() == null ? e.getMessage() : e.detail();
        SourceLocation location = new SourceLocation(where, Math.max(0, e.line()));
        String context = where.equals(file) ? "" : " (rendering " + file + ")";
        return new CompilationException(location, detail + context, e);
    }
}
