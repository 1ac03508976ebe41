package quarry.core.jinja;

/** Where a node starts: template name, 1-based line and column. */
record Pos(String template, int line, int column) {

    JinjaException locate(RuntimeException error) {
        if (error instanceof JinjaException j) {
            return j.at(template, line, column);
        }
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return new JinjaException(message, template, line, column, error);
    }
}
