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
        String where = e.templateName() != null && !e.templateName().isEmpty() ? e.templateName() : file;
        String detail = e.detail() == null ? e.getMessage() : e.detail();
        SourceLocation location = new SourceLocation(where, Math.max(0, e.line()));
        String context = where.equals(file) ? "" : " (rendering " + file + ")";
        return new CompilationException(location, detail + context, e);
    }
}
