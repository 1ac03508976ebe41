package quarry.server.sql;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Parses one statement of Rockset's SQL dialect (spec §5–7) into an immutable AST:
 * {@code [OPTION(...)] (query | INSERT INTO name query | DESCRIBE name) [OPTION(...)] [;]}.
 * Errors are {@link SqlSyntaxException}s positioned on the offending token. Stateless and
 * thread-safe: every call works on its own token stream.
 */
public final class RocksetSqlParser {

    private RocksetSqlParser() {
    }

    public static Statement parse(String sql) {
        Objects.requireNonNull(sql, "sql");
        TokenStream tokens = new TokenStream(SqlLexer.tokenize(sql));
        Map<String, String> options = new LinkedHashMap<>();
        QueryParser queries = new QueryParser(tokens, options);
        return new RocksetSqlParser.StatementParser(tokens, queries, options).statement();
    }

    /** Parses a standalone expression, e.g. for tests or a view's computed column. */
    public static Expression parseExpression(String sql) {
        Objects.requireNonNull(sql, "sql");
        TokenStream tokens = new TokenStream(SqlLexer.tokenize(sql));
        QueryParser queries = new QueryParser(tokens, new LinkedHashMap<>());
        Expression expression = queries.expressions().expression();
        if (!tokens.atEnd()) {
            throw tokens.unexpected("expected end of expression");
        }
        return expression;
    }

    private record StatementParser(TokenStream tokens, QueryParser queries, Map<String, String> options) {

        Statement statement() {
            if (tokens.atEnd()) {
                throw tokens.unexpected("expected a statement");
            }
            SourcePosition start = tokens.peek().position();
            while (tokens.atWord("OPTION") && tokens.peek(1).isSymbol("(")) {
                queries.optionClause(options);
            }
            Statement statement;
            if (tokens.atWord("DESCRIBE")) {
                tokens.advance();
                QualifiedName target = queries.qualifiedName("a collection name");
                trailingOptions();
                checkMaxFieldDepth();
                statement = new Statement.Describe(target, options, start);
            } else if (tokens.atWord("INSERT")) {
                tokens.advance();
                tokens.expectWord("INTO");
                QualifiedName target = queries.qualifiedName("a collection name");
                Query query = queries.query();
                trailingOptions();
                statement = new Statement.InsertInto(target, query, options, start);
            } else if (tokens.atWord("SELECT") || tokens.atWord("WITH") || tokens.atSymbol("(")) {
                Query query = queries.query();
                trailingOptions();
                statement = new Statement.QueryStatement(query, options, start);
            } else {
                throw tokens.unexpected("expected SELECT, WITH, INSERT INTO or DESCRIBE");
            }
            tokens.acceptSymbol(";");
            if (!tokens.atEnd()) {
                throw tokens.unexpected("expected end of statement");
            }
            return statement;
        }

        private void trailingOptions() {
            while (tokens.atWord("OPTION") && tokens.peek(1).isSymbol("(")) {
                queries.optionClause(options);
            }
        }

        private void checkMaxFieldDepth() {
            String depth = options.get("max_field_depth");
            if (depth != null && !depth.matches("[0-9]{1,9}")) {
                throw new SqlSyntaxException("Syntax error: max_field_depth must be a non-negative integer, got '"
                        + depth.toLowerCase(Locale.ROOT) + "'.", tokens.peek().position());
            }
        }
    }
}
