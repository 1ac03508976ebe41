/**
 * Rockset's SQL dialect: parsing into an immutable syntax tree, and the function catalog that
 * renders Rockset calls as DuckDB SQL.
 *
 * <ul>
 *   <li>{@link quarry.server.sql.RocksetSqlParser#parse(String)} turns a statement into a
 *       {@link quarry.server.sql.Statement} (query, INSERT INTO, DESCRIBE, with its OPTION
 *       map); every node carries its {@link quarry.server.sql.SourcePosition}. Errors are
 *       {@link quarry.server.sql.SqlException}s carrying line, column and {@code error_id},
 *       which the HTTP layer maps to {@code 400 QUERY_ERROR}.</li>
 *   <li>{@link quarry.server.sql.RocksetFunctions} checks and renders function calls;
 *       {@link quarry.server.sql.RocksetOperators} renders operators, literals, casts, EXTRACT
 *       and AT TIME ZONE.</li>
 *   <li>{@link quarry.server.sql.SyntaxTree} walks a statement (function calls, referenced
 *       collections); {@link quarry.server.sql.ResultColumnNames} names result columns.</li>
 * </ul>
 * docs/sql-functions.md lists the functions and the differences from DuckDB handled here.
 */
package quarry.server.sql;
