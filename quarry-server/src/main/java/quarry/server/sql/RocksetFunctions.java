package quarry.server.sql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The catalog of Rockset SQL functions (spec §5.8 and the common ones dbt projects use): finds
 * a function by name (case-insensitive), checks a call against it, says whether it aggregates,
 * and renders the call as DuckDB SQL with Rockset's semantics where DuckDB's differ.
 * docs/sql-functions.md lists every function and the differences handled.
 *
 * <p>Rendering assumes DuckDB's session time zone is UTC ({@code SET TimeZone='UTC'}), as
 * Rockset's default time zone is UTC.
 */
public final class RocksetFunctions {

    private final Map<String, FunctionDefinition> byName;
    private final Map<String, RocksetType> resultTypes;

    private RocksetFunctions(Collection<FunctionDefinition> definitions) {
        Map<String, FunctionDefinition> map = new LinkedHashMap<>();
        for (FunctionDefinition definition : definitions) {
            FunctionDefinition previous = map.put(key(definition.name()), definition);
            if (previous != null) {
                throw new IllegalStateException("function defined twice: " + definition.name());
            }
        }
        this.byName = Map.copyOf(map);
        Map<String, RocksetType> types = ResultTypes.byFunction();
        for (String name : types.keySet()) {
            if (!map.containsKey(name)) {
                throw new IllegalStateException("result type for an unknown function: " + name);
            }
        }
        this.resultTypes = Map.copyOf(types);
    }

    /** The full catalog; immutable, so one instance can serve every request. */
    public static RocksetFunctions standard() {
        List<FunctionDefinition> all = new ArrayList<>();
        all.addAll(ScalarFunctions.definitions());
        all.addAll(CollectionFunctions.definitions());
        all.addAll(TemporalFunctions.definitions());
        all.addAll(AggregateFunctions.definitions());
        return new RocksetFunctions(all);
    }

    public Optional<FunctionDefinition> find(String name) {
        return Optional.ofNullable(byName.get(key(name)));
    }

    /** Every function, supported or not, sorted by name. */
    public List<FunctionDefinition> all() {
        return byName.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    /**
     * The Rockset type a function always returns (COUNT: int, SPLIT: array, CURRENT_DATE: date);
     * empty when it follows its arguments (COALESCE, MIN, DATE_TRUNC, ELEMENT_AT, …).
     */
    public Optional<RocksetType> resultType(String name) {
        return ResultTypes.of(resultTypes, name);
    }

    /** True for aggregates (COUNT, SUM, ARRAY_AGG, …); a call to one without OVER makes its query grouped. */
    public boolean isAggregate(String name) {
        return find(name).map(FunctionDefinition::isAggregate).orElse(false);
    }

    /** True for functions that only exist with OVER (ROW_NUMBER, RANK, LAG, …). */
    public boolean isWindowFunction(String name) {
        return find(name).map(definition -> definition.kind() == FunctionDefinition.Kind.WINDOW).orElse(false);
    }

    /** True when this call is an aggregate used as such (no OVER clause). */
    public boolean isAggregateCall(Expression.FunctionCall call) {
        return call.over().isEmpty() && isAggregate(call.name());
    }

    /**
     * Checks a call: known, supported, right number of arguments, DISTINCT, {@code *}, ORDER BY
     * and OVER only where they belong. Errors are positioned on the function name.
     */
    public FunctionDefinition resolve(Expression.FunctionCall call) {
        Objects.requireNonNull(call, "call");
        FunctionDefinition definition = find(call.name())
                .orElseThrow(() -> new FunctionNotFoundException(call.name(), call.position()));
        String name = definition.name();
        if (definition.unsupportedReason().isPresent()) {
            throw new InvalidFunctionCallException("Function `" + name + "` is not supported by Quarry yet: "
                    + definition.unsupportedReason().get() + ".", call.position(), InvalidFunctionCallException.NOT_SUPPORTED);
        }
        int count = call.arguments().size();
        if (call.star() && !name.equals("COUNT")) {
            throw invalid(call, "Function `" + name + "` does not accept `*`.");
        }
        if (!call.star() && (count < definition.minArguments() || count > definition.maxArguments())) {
            throw invalid(call, "Function `" + name + "` expects " + arity(definition) + ", got " + count + ".");
        }
        boolean aggregate = definition.kind() == FunctionDefinition.Kind.AGGREGATE;
        if (call.distinct() && !aggregate) {
            throw invalid(call, "DISTINCT is only allowed in aggregate functions, not in `" + name + "`.");
        }
        if (!call.orderBy().isEmpty() && !aggregate) {
            throw invalid(call, "ORDER BY is only allowed in aggregate functions, not in `" + name + "`.");
        }
        if (call.over().isPresent() && definition.kind() == FunctionDefinition.Kind.SCALAR) {
            throw invalid(call, "Function `" + name + "` is not a window function and cannot have OVER.");
        }
        if (call.over().isEmpty() && definition.kind() == FunctionDefinition.Kind.WINDOW) {
            throw invalid(call, "Window function `" + name + "` requires an OVER clause.");
        }
        return definition;
    }

    /** Renders a call without an aggregate ORDER BY; see {@link #render(Expression.FunctionCall, List, String)}. */
    public String render(Expression.FunctionCall call, List<String> argumentSql) {
        return render(call, argumentSql, "");
    }

    /**
     * Resolves the call and renders it as DuckDB SQL from its arguments' SQL. The OVER clause is
     * not part of the result: the translator appends {@code OVER (…)} itself.
     */
    public String render(Expression.FunctionCall call, List<String> argumentSql, String orderBySql) {
        FunctionDefinition definition = resolve(call);
        if (argumentSql.size() != call.arguments().size()) {
            throw new IllegalArgumentException("expected SQL for " + call.arguments().size() + " arguments, got "
                    + argumentSql.size());
        }
        return definition.renderer().render(new CallSql(call, argumentSql, orderBySql));
    }

    private static String arity(FunctionDefinition definition) {
        int min = definition.minArguments();
        int max = definition.maxArguments();
        if (min == max) {
            return min + (min == 1 ? " argument" : " arguments");
        }
        if (max == FunctionDefinition.VARIADIC) {
            return "at least " + min + (min == 1 ? " argument" : " arguments");
        }
        return min + " to " + max + " arguments";
    }

    private static InvalidFunctionCallException invalid(Expression.FunctionCall call, String message) {
        return new InvalidFunctionCallException(message, call.position(), InvalidFunctionCallException.INVALID_ARGUMENTS);
    }

    private static String key(String name) {
        return name.toUpperCase(Locale.ROOT);
    }
}
