package quarry.core.jinja;

import java.util.List;
import java.util.Map;

/** A statement node of the parsed tree: renders output into a buffer. */
abstract class Stmt {
    final Pos pos;

    Stmt(Pos pos) {
        this.pos = pos;
    }

    final void render(Frame frame, StringBuilder out) {
        try {
            execute(frame, out);
        } catch (ControlFlow flow) {
            throw flow;
        } catch (JinjaException e) {
            throw e.isLocated() ? e : e.at(pos.template(), pos.line(), pos.column());
        } catch (RuntimeException e) {
            throw pos.locate(e);
        } catch (StackOverflowError e) {
            throw new JinjaException("maximum recursion depth exceeded", pos.template(), pos.line(), pos.column(), null);
        }
    }

    abstract void execute(Frame frame, StringBuilder out);

    /** A sequence of statements. */
    static final class Body extends Stmt {
        final Stmt[] statements;

        Body(Pos pos, List<Stmt> statements) {
            super(pos);
            this.statements = statements.toArray(new Stmt[0]);
        }

        @Override
        void execute(Frame frame, StringBuilder out) {
            for (Stmt s : statements) {
                s.render(frame, out);
            }
        }
    }

    static final class Text extends Stmt {
        final String text;

        Text(Pos pos, String text) {
            super(pos);
            this.text = text;
        }

        @Override
        void execute(Frame frame, StringBuilder out) {
            out.append(text);
        }
    }

    static final class Print extends Stmt {
        final Expr expr;

        Print(Pos pos, Expr expr) {
            super(pos);
            this.expr = expr;
        }

        @Override
        void execute(Frame frame, StringBuilder out) {
            Object v = expr.eval(frame);
            if (v instanceof String s) {
                out.append(s);
            } else {
                out.append(Py.str(v));
            }
        }
    }

    static final class If extends Stmt {
        final Expr[] tests;
        final Body[] bodies;
        final Body otherwise;

        If(Pos pos, List<Expr> tests, List<Body> bodies, Body otherwise) {
            super(pos);
            this.tests = tests.toArray(new Expr[0]);
            this.bodies = bodies.toArray(new Body[0]);
            this.otherwise = otherwise;
        }

        @Override
        void execute(Frame frame, StringBuilder out) {
            for (int i = 0; i < tests.length; i++) {
                if (Py.truthy(tests[i].eval(frame))) {
                    bodies[i].render(frame, out);
                    return;
                }
            }
            if (otherwise != null) {
                otherwise.render(frame, out);
            }
        }
    }

    static final class Set extends Stmt {
        final Target target;
        final Expr value;

        Set(Pos pos, Target target, Expr value) {
            super(pos);
            this.target = target;
            this.value = value;
        }

        @Override
        void execute(Frame frame, StringBuilder out) {
            target.assign(frame, value.eval(frame));
        }
    }

    static final class SetBlock extends Stmt {
        final Target target;
        final Body body;
        final FilterChain filters;

        SetBlock(Pos pos, Target target, Body body, FilterChain filters) {
            super(pos);
            this.target = target;
            this.body = body;
            this.filters = filters;
        }

        @Override
        void execute(Frame frame, StringBuilder out) {
            StringBuilder captured = new StringBuilder();
            body.render(frame.child(), captured);
            target.assign(frame, filters == null ? captured.toString() : filters.apply(captured.toString(), frame));
        }
    }

    static final class FilterBlock extends Stmt {
        final Body body;
        final FilterChain filters;

        FilterBlock(Pos pos, Body body, FilterChain filters) {
            super(pos);
            this.body = body;
            this.filters = filters;
        }

        @Override
        void execute(Frame frame, StringBuilder out) {
            StringBuilder captured = new StringBuilder();
            body.render(frame.child(), captured);
            out.append(Py.str(filters.apply(captured.toString(), frame)));
        }
    }

    static final class With extends Stmt {
        final Target[] targets;
        final Expr[] values;
        final Body body;

        With(Pos pos, List<Target> targets, List<Expr> values, Body body) {
            super(pos);
            this.targets = targets.toArray(new Target[0]);
            this.values = values.toArray(new Expr[0]);
            this.body = body;
        }

        @Override
        void execute(Frame frame, StringBuilder out) {
            Frame inner = frame.child();
            Object[] evaluated = new Object[values.length];
            for (int i = 0; i < values.length; i++) {
                evaluated[i] = values[i].eval(frame);
            }
            for (int i = 0; i < targets.length; i++) {
                targets[i].assign(inner, evaluated[i]);
            }
            body.render(inner, out);
        }
    }

    static final class Do extends Stmt {
        final Expr expr;

        Do(Pos pos, Expr expr) {
            super(pos);
            this.expr = expr;
        }

        @Override
        void execute(Frame frame, StringBuilder out) {
            expr.eval(frame);
        }
    }

    static final class LoopControl extends Stmt {
        final ControlFlow signal;

        LoopControl(Pos pos, ControlFlow signal) {
            super(pos);
            this.signal = signal;
        }

        @Override
        void execute(Frame frame, StringBuilder out) {
            throw signal;
        }
    }

    /** {@code {% macro %}} (and dbt's test/materialization): binds a macro value in the current scope. */
    static final class DefineMacro extends Stmt {
        final MacroDefinition definition;

        DefineMacro(Pos pos, MacroDefinition definition) {
            super(pos);
            this.definition = definition;
        }

        @Override
        void execute(Frame frame, StringBuilder out) {
            frame.set(definition.name(), new Macro(definition, frame, false));
        }
    }

    /** {@code {% call(args) f(...) %}body{% endcall %}}: calls f with {@code caller} bound to the body. */
    static final class CallBlock extends Stmt {
        final Expr.Call call;
        final MacroDefinition caller;

        CallBlock(Pos pos, Expr.Call call, MacroDefinition caller) {
            super(pos);
            this.call = call;
            this.caller = caller;
        }

        @Override
        void execute(Frame frame, StringBuilder out) {
            Macro callerMacro = new Macro(caller, frame, true);
            Object result;
            try {
                result = call.invoke(frame, call.args.eval(frame, "caller", callerMacro));
            } catch (ControlFlow flow) {
                throw flow;
            } catch (JinjaException e) {
                throw e.isLocated() ? e : e.at(call.pos.template(), call.pos.line(), call.pos.column());
            }
            out.append(Py.str(result));
        }
    }

    /** dbt's snapshot and docs blocks render nothing in place; loaders read them from {@link Template#blocks()}. */
    static final class Silent extends Stmt {
        Silent(Pos pos) {
            super(pos);
        }

        @Override
        void execute(Frame frame, StringBuilder out) {
        }
    }

    /** The filters of a filter block or block set, applied in order. */
    record FilterChain(List<Expr.Filter> filters) {
        Object apply(Object value, Frame frame) {
            Object current = value;
            for (Expr.Filter f : filters) {
                current = f.filter.apply(current, f.args.eval(frame));
            }
            return current;
        }
    }

    /** Where a set, for or with stores values: a name, a tuple of targets, or a namespace attribute. */
    abstract static class Target {
        abstract void assign(Frame frame, Object value);

        static final class Name extends Target {
            final String name;

            Name(String name) {
                this.name = name;
            }

            @Override
            void assign(Frame frame, Object value) {
                frame.set(name, value);
            }
        }

        static final class Unpack extends Target {
            final Target[] targets;

            Unpack(List<Target> targets) {
                this.targets = targets.toArray(new Target[0]);
            }

            @Override
            void assign(Frame frame, Object value) {
                List<?> items = Py.iterate(value);
                if (items.size() > targets.length) {
                    throw new JinjaException("too many values to unpack (expected " + targets.length + ")");
                }
                if (items.size() < targets.length) {
                    throw new JinjaException("not enough values to unpack (expected " + targets.length + ", got "
                            + items.size() + ")");
                }
                for (int i = 0; i < targets.length; i++) {
                    targets[i].assign(frame, items.get(i));
                }
            }
        }

        static final class NamespaceAttribute extends Target {
            final String namespace;
            final String attribute;

            NamespaceAttribute(String namespace, String attribute) {
                this.namespace = namespace;
                this.attribute = attribute;
            }

            @Override
            void assign(Frame frame, Object value) {
                Object ns = frame.lookup(namespace);
                if (ns instanceof Namespace n) {
                    n.attributes.put(attribute, value);
                } else if (ns instanceof Map<?, ?>) {
                    throw new JinjaException("cannot assign attribute on non-namespace object");
                } else {
                    throw new JinjaException("cannot assign attribute on non-namespace object");
                }
            }
        }
    }
}
