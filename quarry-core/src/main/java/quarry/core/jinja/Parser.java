package quarry.core.jinja;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import quarry.core.jinja.Token.Kind;

/** Parses statements into the tree Jinja2's parser builds (expressions are in {@link ExpressionParser}). */
final class Parser {
    private static final Set<String> END_TAGS = Set.of("endfor", "else", "elif", "endif", "endset", "endmacro",
            "endcall", "endfilter", "endwith", "endtest", "endmaterialization", "endsnapshot", "enddocs",
            "endraw", "endblock", "endautoescape");

    final JinjaEnvironment environment;
    final Source source;
    final List<Token> tokens;
    int index;
    final Deque<Set<String>> referencedNames = new ArrayDeque<>();
    private final ExpressionParser expressions;
    int loopDepth;
    /**
     * Jinja2 reports an unknown filter or test at compile time, except inside an if statement or
     * an inline if (a "soft" frame), where it fails only when evaluated.
     */
    boolean soft;
    final List<JinjaException> unknownHard = new ArrayList<>();
    int depth;
    private final DefinitionParser definitions;

    Parser(JinjaEnvironment environment, Source source) {
        this.environment = environment;
        this.source = source;
        this.tokens = new Lexer(source).tokenize();
        this.expressions = new ExpressionParser(this);
        this.definitions = new DefinitionParser(this, expressions);
    }

    Template parseTemplate() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        referencedNames.push(names);
        Stmt.Body body = parseBody(Set.of());
        referencedNames.pop();
        if (current().kind() != Kind.EOF) {
            throw unexpectedTag(current());
        }
        if (!unknownHard.isEmpty()) {
            throw unknownHard.get(0);
        }
        return new Template(source.name, environment, body, definitions.macros, definitions.blocks, names);
    }

    // ---- token stream ----

    Token current() {
        return tokens.get(index);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    Token next() {
        return tokens.get(index++);
    }

    Pos pos(Token token) {
        return source.pos(token.start());
    }

    JinjaException error(String message, Token at) {
        return source.error(message, at.start());
    }

    Token expect(Kind kind, String text) {
        Token t = current();
        if (t.kind() != kind || (text != null && !t.text().equals(text))) {
            String wanted = text != null ? "'" + text + "'" : kind == Kind.NAME ? "name" : kind.name().toLowerCase();
            if (kind == Kind.BLOCK_END) {
                wanted = "end of statement block";
            } else if (kind == Kind.VAR_END) {
                wanted = "end of print statement";
            }
            throw error("expected token " + wanted + ", got " + t.describe(), t);
        }
        return next();
    }

    /** The end of a tag that opens a body; like Jinja2, a Python-style colon may come first. */
    void expectBodyStart() {
        skipOp(":");
        expect(Kind.BLOCK_END, null);
    }

    boolean skipOp(String op) {
        if (current().isOp(op)) {
            index++;
            return true;
        }
        return false;
    }

    boolean skipName(String name) {
        if (current().isName(name)) {
            index++;
            return true;
        }
        return false;
    }

    // ---- statements ----

    Stmt.Body parseBody(Set<String> endTags) {
        Pos start = pos(current());
        List<Stmt> out = new ArrayList<>();
        while (true) {
            Token t = current();
            switch (t.kind()) {
                case TEXT -> {
                    next();
                    out.add(new Stmt.Text(pos(t), t.text()));
                }
                case VAR_BEGIN -> {
                    next();
                    Expr e = expressions.parseTuple(false, true, Set.of(), false);
                    expect(Kind.VAR_END, null);
                    out.add(new Stmt.Print(pos(t), e));
                }
                case BLOCK_BEGIN -> {
                    Token tag = peek(1);
                    if (tag.kind() == Kind.NAME && endTags.contains(tag.text())) {
                        return new Stmt.Body(start, out);
                    }
                    next();
                    out.add(parseStatement(t));
                }
                case EOF -> {
                    if (!endTags.isEmpty()) {
                        List<String> sorted = new ArrayList<>(endTags);
                        sorted.sort(null);
                        throw error("Unexpected end of template. Jinja was looking for the following tags: "
                                + String.join(" or ", sorted.stream().map(s -> "'" + s + "'").toList()) + ".", t);
                    }
                    return new Stmt.Body(start, out);
                }
                default -> throw error("unexpected " + t.describe(), t);
            }
        }
    }

    /** Parses a body up to one of {@code endTags}, consumes that tag's name and returns which it was. */
    private Stmt.Body parseUntil(Set<String> endTags, String[] which) {
        Stmt.Body body = parseBody(endTags);
        next(); // BLOCK_BEGIN
        which[0] = next().text();
        return body;
    }

    Stmt.Body parseBlockBody(String endTag) {
        String[] which = new String[1];
        Stmt.Body body = parseUntil(Set.of(endTag), which);
        expect(Kind.BLOCK_END, null);
        return body;
    }

    private JinjaException unexpectedTag(Token blockBegin) {
        Token tag = peek(1);
        return error("Encountered unknown tag '" + tag.text() + "'.", tag);
    }

    private Stmt parseStatement(Token begin) {
        Token tag = current();
        if (tag.kind() != Kind.NAME) {
            throw error("tag name expected", tag);
        }
        Pos pos = pos(begin);
        depth++;
        try {
            switch (tag.text()) {
                case "if":
                    next();
                    return parseIf(pos);
                case "for":
                    next();
                    return parseFor(pos);
                case "set":
                    next();
                    return parseSet(pos);
                case "macro":
                    next();
                    return definitions.parseMacro(pos, MacroDefinition.Kind.MACRO, null, "endmacro");
                case "test":
                    next();
                    return definitions.parseMacro(pos, MacroDefinition.Kind.TEST, "test_", "endtest");
                case "materialization":
                    next();
                    return definitions.parseMaterialization(pos);
                case "snapshot":
                case "docs":
                    next();
                    return definitions.parseNamedBlock(pos, tag.text());
                case "call":
                    next();
                    return definitions.parseCallBlock(pos);
                case "filter":
                    next();
                    return parseFilterBlock(pos);
                case "with":
                    next();
                    return parseWith(pos);
                case "do": {
                    next();
                    Expr e = expressions.parseTuple(false, true, Set.of(), false);
                    expect(Kind.BLOCK_END, null);
                    return new Stmt.Do(pos, e);
                }
                case "break":
                case "continue":
                    next();
                    if (loopDepth == 0) {
                        throw error("'" + tag.text() + "' outside of a loop", tag);
                    }
                    expect(Kind.BLOCK_END, null);
                    return new Stmt.LoopControl(pos, tag.text().equals("break") ? ControlFlow.BREAK : ControlFlow.CONTINUE);
                default:
                    if (END_TAGS.contains(tag.text())) {
                        throw error("Encountered unexpected tag '" + tag.text() + "'.", tag);
                    }
                    throw error("Encountered unknown tag '" + tag.text() + "'.", tag);
            }
        } finally {
            depth--;
        }
    }

    private Stmt parseIf(Pos pos) {
        boolean outerSoft = soft;
        soft = true;
        try {
            return parseIfBranches(pos);
        } finally {
            soft = outerSoft;
        }
    }

    private Stmt parseIfBranches(Pos pos) {
        List<Expr> tests = new ArrayList<>();
        List<Stmt.Body> bodies = new ArrayList<>();
        Stmt.Body otherwise = null;
        tests.add(expressions.parseTuple(false, true, Set.of(), false));
        expectBodyStart();
        String[] which = new String[1];
        while (true) {
            bodies.add(parseUntil(Set.of("elif", "else", "endif"), which));
            if (which[0].equals("elif")) {
                tests.add(expressions.parseTuple(false, true, Set.of(), false));
                expectBodyStart();
                continue;
            }
            if (which[0].equals("else")) {
                expectBodyStart();
                otherwise = parseBlockBody("endif");
                break;
            }
            expect(Kind.BLOCK_END, null);
            break;
        }
        return new Stmt.If(pos, tests, bodies, otherwise);
    }

    private Stmt parseFor(Pos pos) {
        Stmt.Target target = parseAssignTarget(true, false, Set.of("in"));
        expect(Kind.NAME, "in");
        Expr iter = expressions.parseTuple(false, false, Set.of("recursive"), false);
        Expr test = null;
        if (skipName("if")) {
            test = expressions.parseExpression(true);
        }
        boolean recursive = skipName("recursive");
        expectBodyStart();
        loopDepth++;
        String[] which = new String[1];
        Stmt.Body body;
        boolean outerSoft = soft;
        soft = false;
        try {
            body = parseUntil(Set.of("endfor", "else"), which);
        } finally {
            loopDepth--;
            soft = outerSoft;
        }
        Stmt.Body otherwise = null;
        if (which[0].equals("else")) {
            expectBodyStart();
            otherwise = parseBlockBody("endfor");
        } else {
            expect(Kind.BLOCK_END, null);
        }
        return new ForLoop(pos, target, iter, test, body, otherwise, recursive);
    }

    private Stmt parseSet(Pos pos) {
        Stmt.Target target = parseAssignTarget(true, true, Set.of());
        if (skipOp("=")) {
            Expr value = expressions.parseTuple(false, true, Set.of(), false);
            expect(Kind.BLOCK_END, null);
            return new Stmt.Set(pos, target, value);
        }
        boolean outerSoft = soft;
        soft = false;
        try {
            Stmt.FilterChain filters = current().isOp("|") ? parseFilterChain(false) : null;
            expectBodyStart();
            Stmt.Body body = parseBlockBody("endset");
            return new Stmt.SetBlock(pos, target, body, filters);
        } finally {
            soft = outerSoft;
        }
    }

    Stmt.Target parseAssignTarget(boolean withTuple, boolean withNamespace, Set<String> extraEnd) {
        if (withNamespace && current().kind() == Kind.NAME && peek(1).isOp(".")) {
            String ns = next().text();
            next();
            String attr = expect(Kind.NAME, null).text();
            return new Stmt.Target.NamespaceAttribute(ns, attr);
        }
        if (!withTuple) {
            return new Stmt.Target.Name(expect(Kind.NAME, null).text());
        }
        List<Stmt.Target> targets = new ArrayList<>();
        boolean tuple = false;
        while (true) {
            if (!targets.isEmpty()) {
                expect(Kind.OP, ",");
            }
            if (isTupleEnd(extraEnd)) {
                break;
            }
            targets.add(parseSimpleTarget());
            if (current().isOp(",")) {
                tuple = true;
            } else {
                break;
            }
        }
        if (targets.isEmpty()) {
            throw error("expected an assignment target, got " + current().describe(), current());
        }
        return tuple ? new Stmt.Target.Unpack(targets) : targets.get(0);
    }

    private Stmt.Target parseSimpleTarget() {
        Token t = current();
        if (t.isOp("(")) {
            next();
            Stmt.Target inner = parseAssignTarget(true, false, Set.of());
            expect(Kind.OP, ")");
            return inner;
        }
        if (t.kind() != Kind.NAME) {
            throw error("can't assign to " + t.describe(), t);
        }
        next();
        return new Stmt.Target.Name(t.text());
    }

    boolean isTupleEnd(Set<String> extraEnd) {
        Token t = current();
        if (t.kind() == Kind.VAR_END || t.kind() == Kind.BLOCK_END || t.isOp(")")) {
            return true;
        }
        return t.kind() == Kind.NAME && extraEnd.contains(t.text());
    }

    private Stmt parseFilterBlock(Pos pos) {
        boolean outerSoft = soft;
        soft = false;
        try {
            Stmt.FilterChain chain = parseFilterChain(true);
            expectBodyStart();
            Stmt.Body body = parseBlockBody("endfilter");
            return new Stmt.FilterBlock(pos, body, chain);
        } finally {
            soft = outerSoft;
        }
    }

    private Stmt.FilterChain parseFilterChain(boolean startInline) {
        List<Expr.Filter> filters = new ArrayList<>();
        Expr placeholder = new Expr.Const(pos(current()), null);
        boolean inline = startInline;
        while (inline || current().isOp("|")) {
            if (!inline) {
                next();
            }
            inline = false;
            filters.add(expressions.parseFilter(placeholder));
        }
        return new Stmt.FilterChain(filters);
    }

    private Stmt parseWith(Pos pos) {
        List<Stmt.Target> targets = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        while (current().kind() != Kind.BLOCK_END) {
            if (!targets.isEmpty()) {
                expect(Kind.OP, ",");
            }
            targets.add(parseAssignTarget(true, false, Set.of()));
            expect(Kind.OP, "=");
            values.add(expressions.parseExpression(true));
        }
        expectBodyStart();
        boolean outerSoft = soft;
        soft = false;
        try {
            Stmt.Body body = parseBlockBody("endwith");
            return new Stmt.With(pos, targets, values, body);
        } finally {
            soft = outerSoft;
        }
    }
}
