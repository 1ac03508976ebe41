package quarry.core.jinja;

/**
 * A Jinja syntax or runtime error. Once located, it names the template, the line (1-based) and
 * the column (1-based) where the failing tag or expression starts; {@link #getMessage()} then reads
 * {@code models/orders.sql:12:5: 'foo' is undefined}. Host callables may throw it unlocated (with
 * {@link #JinjaException(String)}); the engine locates it at the call that raised it.
 */
public class JinjaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String detail;
    private final String templateName;
    private final int line;
    private final int column;
    private final java.util.List<String> callers = new java.util.ArrayList<>();

    /** An error not yet located; the engine fills in where it happened. */
    public JinjaException(String detail) {
        this(detail, null, 0, 0, null);
    }

    public JinjaException(String detail, Throwable cause) {
        this(detail, null, 0, 0, cause);
    }

    public JinjaException(String detail, String templateName, int line, int column, Throwable cause) {
        super(format(detail, templateName, line, column), cause);
        this.detail = detail;
        this.templateName = templateName;
        this.line = line;
        this.column = column;
    }

    private static String format(String detail, String templateName, int line, int column) {
        if (line <= 0) {
            return detail;
        }
        return (templateName == null ? "<template>" : templateName) + ":" + line + ":" + column + ": " + detail;
    }

    /** The error without its location. */
    public String detail() {
        return detail;
    }

    /** The template name given to {@link JinjaEnvironment#parse}, or null when not located. */
    public String templateName() {
        return templateName;
    }

    /** 1-based line, or 0 when not located. */
    public int line() {
        return line;
    }

    /** 1-based column, or 0 when not located. */
    public int column() {
        return column;
    }

    /**
     * Where the failing macro was called from, innermost first ({@code models/a.sql:3:5}), when
     * the error happened in a macro of another template.
     */
    public java.util.List<String> callers() {
        return java.util.Collections.unmodifiableList(callers);
    }

    void addCaller(String template, int atLine, int atColumn) {
        String site = template + ":" + atLine + ":" + atColumn;
        if (callers.isEmpty() || !callers.get(callers.size() - 1).equals(site)) {
            callers.add(site);
        }
    }

    public boolean isLocated() {
        return line > 0;
    }

    /** This error at a position, keeping its class when it is a plain JinjaException. */
    JinjaException at(String template, int atLine, int atColumn) {
        if (isLocated()) {
            return this;
        }
        return new JinjaException(detail, template, atLine, atColumn, getCause() == null ? this : getCause());
    }
}
