package quarry.core.jinja;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import quarry.core.jinja.Token.Kind;

/**
 * Parses the tags that define things: {@code macro} and {@code call}, and dbt's {@code test},
 * {@code materialization}, {@code snapshot} and {@code docs} blocks; collects the top-level
 * definitions a file makes.
 */
final class DefinitionParser {
    private final Parser p;
    private final ExpressionParser expressions;
    final List<MacroDefinition> macros = new ArrayList<>();
    final List<NamedBlock> blocks = new ArrayList<>();

    DefinitionParser(Parser parser, ExpressionParser expressions) {
        this.p = parser;
        this.expressions = expressions;
    }

    Stmt parseMacro(Pos pos, MacroDefinition.Kind kind, String prefix, String endTag) {
        String name = p.expect(Kind.NAME, null).text();
        List<String> params = new ArrayList<>();
        List<Expr> defaults = new ArrayList<>();
        parseSignature(params, defaults);
        p.expectBodyStart();
        MacroDefinition def = macroBody(kind, prefix == null ? name : prefix + name, params, defaults, endTag, pos);
        return define(pos, def);
    }

    private Stmt define(Pos pos, MacroDefinition def) {
        if (p.depth == 1) {
            macros.add(def);
        }
        return new Stmt.DefineMacro(pos, def);
    }

    private MacroDefinition macroBody(MacroDefinition.Kind kind, String name, List<String> params, List<Expr> defaults,
            String endTag, Pos pos) {
        Set<String> names = new HashSet<>();
        p.referencedNames.push(names);
        int savedLoops = p.loopDepth;
        p.loopDepth = 0;
        boolean outerSoft = p.soft;
        p.soft = false;
        Stmt.Body body;
        try {
            body = p.parseBlockBody(endTag);
        } finally {
            p.loopDepth = savedLoops;
            p.soft = outerSoft;
            p.referencedNames.pop();
        }
        if (!p.referencedNames.isEmpty()) {
            p.referencedNames.peek().addAll(names);
        }
        return new MacroDefinition(kind, name, params, defaults, body, names, pos);
    }

    private void parseSignature(List<String> params, List<Expr> defaults) {
        p.expect(Kind.OP, "(");
        while (!p.current().isOp(")")) {
            if (!params.isEmpty()) {
                p.expect(Kind.OP, ",");
                if (p.current().isOp(")")) {
                    break;
                }
            }
            Token name = p.expect(Kind.NAME, null);
            params.add(name.text());
            if (p.skipOp("=")) {
                defaults.add(expressions.parseExpression(true));
            } else {
                if (name.text().equals("caller")) {
                    throw p.error("When defining macros or call blocks the special \"caller\" argument must be omitted "
                            + "or be given a default.", name);
                }
                if (defaults.stream().anyMatch(d -> d != null)) {
                    throw p.error("non-default argument follows default argument", name);
                }
                defaults.add(null);
            }
        }
        p.expect(Kind.OP, ")");
    }

    Stmt parseMaterialization(Pos pos) {
        String name = p.expect(Kind.NAME, null).text();
        String adapter = "default";
        while (p.skipOp(",")) {
            Token key = p.expect(Kind.NAME, null);
            switch (key.text()) {
                case "default" -> adapter = "default";
                case "adapter" -> {
                    p.expect(Kind.OP, "=");
                    Expr value = expressions.parseExpression(true);
                    if (!(value instanceof Expr.Const c) || !(c.value instanceof String s)) {
                        throw p.error("materialization adapter must be a string", key);
                    }
                    adapter = s;
                }
                case "supported_languages" -> {
                    p.expect(Kind.OP, "=");
                    expressions.parseExpression(true);
                }
                default -> throw p.error("unexpected argument '" + key.text() + "' to materialization", key);
            }
        }
        p.expectBodyStart();
        MacroDefinition def = macroBody(MacroDefinition.Kind.MATERIALIZATION,
                "materialization_" + name + "_" + adapter, List.of(), List.of(), "endmaterialization", pos);
        return define(pos, def);
    }

    Stmt parseNamedBlock(Pos pos, String kind) {
        String name = p.expect(Kind.NAME, null).text();
        Token end = p.expect(Kind.BLOCK_END, null);
        int bodyStart = end.end();
        String endTag = "end" + kind;
        boolean outerSoft = p.soft;
        p.soft = false;
        Stmt.Body body;
        try {
            body = p.parseBody(Set.of(endTag));
        } finally {
            p.soft = outerSoft;
        }
        int bodyEnd = p.current().start();
        p.next();
        p.next();
        p.expect(Kind.BLOCK_END, null);
        String raw = p.source.text.substring(bodyStart, bodyEnd);
        if (p.depth == 1) {
            Template template = new Template(p.source.name, p.environment, body, List.of(), List.of(), java.util.Set.of());
            blocks.add(new NamedBlock(kind, name, raw, template, pos.line()));
        }
        return new Stmt.Silent(pos);
    }

    Stmt parseCallBlock(Pos pos) {
        List<String> params = new ArrayList<>();
        List<Expr> defaults = new ArrayList<>();
        if (p.current().isOp("(")) {
            parseSignature(params, defaults);
        }
        Token at = p.current();
        Expr call = expressions.parseExpression(true);
        if (!(call instanceof Expr.Call c)) {
            throw p.error("expected call", at);
        }
        p.expectBodyStart();
        MacroDefinition caller = macroBody(MacroDefinition.Kind.CALLER, "caller", params, defaults, "endcall", pos);
        return new Stmt.CallBlock(pos, c, caller);
    }
}
