package quarry.core.jinja;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An expression node of the parsed tree; evaluation errors are located at the innermost node. */
abstract class Expr {
    final Pos pos;

    Expr(Pos pos) {
        this.pos = pos;
    }

    final Object eval(Frame frame) {
        try {
            return evaluate(frame);
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

    abstract Object evaluate(Frame frame);

    /** Records the call site when an error located in another template passes through a call here. */
    final JinjaException traced(JinjaException e) {
        if (e.isLocated() && !java.util.Objects.equals(e.templateName(), pos.template())) {
            String last = e.callers().isEmpty() ? null : e.callers().get(e.callers().size() - 1);
            if (last == null || !last.startsWith(pos.template() + ":")) {
                e.addCaller(pos.template(), pos.line(), pos.column());
            }
        }
        return e;
    }

    /** A literal constant (immutable values only: lists and dicts are built fresh each time). */
    static final class Const extends Expr {
        final Object value;

        Const(Pos pos, Object value) {
            super(pos);
            this.value = value;
        }

        @Override
        Object evaluate(Frame frame) {
            return value;
        }
    }

    static final class Name extends Expr {
        final String name;

        Name(Pos pos, String name) {
            super(pos);
            this.name = name;
        }

        @Override
        Object evaluate(Frame frame) {
            return frame.lookup(name);
        }
    }

    static final class ListLiteral extends Expr {
        final Expr[] items;
        final boolean tuple;

        ListLiteral(Pos pos, List<Expr> items, boolean tuple) {
            super(pos);
            this.items = items.toArray(new Expr[0]);
            this.tuple = tuple;
        }

        @Override
        Object evaluate(Frame frame) {
            List<Object> values = new ArrayList<>(Math.max(items.length, 4));
            for (Expr item : items) {
                values.add(item.eval(frame));
            }
            return tuple ? PyTuple.copyOf(values) : values;
        }
    }

    static final class DictLiteral extends Expr {
        final Expr[] keys;
        final Expr[] values;

        DictLiteral(Pos pos, List<Expr> keys, List<Expr> values) {
            super(pos);
            this.keys = keys.toArray(new Expr[0]);
            this.values = values.toArray(new Expr[0]);
        }

        @Override
        Object evaluate(Frame frame) {
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < keys.length; i++) {
                Object key = Py.canonical(keys[i].eval(frame));
                Py.requireHashable(key);
                Object value = values[i].eval(frame);
                if (key instanceof Boolean || key instanceof Number) {
                    key = existingEqualKey(map, key);
                }
                map.put(key, value);
            }
            return map;
        }
    }

    /** Python dicts treat equal numbers (True, 1, 1.0) as one key and keep the first key object. */
    static Object existingEqualKey(Map<Object, Object> map, Object key) {
        for (Object existing : map.keySet()) {
            if ((existing instanceof Boolean || existing instanceof Number) && Py.eq(existing, key)) {
                return existing;
            }
        }
        return key;
    }

    static final class GetAttr extends Expr {
        final Expr target;
        final String name;

        GetAttr(Pos pos, Expr target, String name) {
            super(pos);
            this.target = target;
            this.name = name;
        }

        @Override
        Object evaluate(Frame frame) {
            return Attributes.getattr(target.eval(frame), name, frame.context.lenient());
        }
    }

    static final class GetItem extends Expr {
        final Expr target;
        final Expr key;

        GetItem(Pos pos, Expr target, Expr key) {
            super(pos);
            this.target = target;
            this.key = key;
        }

        @Override
        Object evaluate(Frame frame) {
            return Attributes.getitem(target.eval(frame), key.eval(frame), frame.context.lenient());
        }
    }

    /** {@code start:stop:step} inside brackets; evaluates to a {@link Slice}. */
    static final class SliceExpr extends Expr {
        final Expr start;
        final Expr stop;
        final Expr step;

        SliceExpr(Pos pos, Expr start, Expr stop, Expr step) {
            super(pos);
            this.start = start;
            this.stop = stop;
            this.step = step;
        }

        @Override
        Object evaluate(Frame frame) {
            return new Slice(start == null ? null : start.eval(frame), stop == null ? null : stop.eval(frame),
                    step == null ? null : step.eval(frame));
        }
    }

    static final class Call extends Expr {
        final Expr callee;
        final ArgList args;

        Call(Pos pos, Expr callee, ArgList args) {
            super(pos);
            this.callee = callee;
            this.args = args;
        }

        @Override
        Object evaluate(Frame frame) {
            try {
                return invoke(frame, args.eval(frame));
            } catch (JinjaException e) {
                throw traced(e);
            }
        }

        Object invoke(Frame frame, Arguments arguments) {
            if (callee instanceof GetAttr attr) {
                Object receiver = attr.target.eval(frame);
                return Attributes.callMethod(receiver, attr.name, arguments, frame.context.lenient());
            }
            return Attributes.call(callee.eval(frame), arguments, frame.context.lenient());
        }
    }

    static final class Filter extends Expr {
        final Expr input;
        final String name;
        final JinjaFilter filter;
        final ArgList args;

        Filter(Pos pos, Expr input, String name, JinjaFilter filter, ArgList args) {
            super(pos);
            this.input = input;
            this.name = name;
            this.filter = filter;
            this.args = args;
        }

        @Override
        Object evaluate(Frame frame) {
            return Py.canonical(filter.apply(input.eval(frame), args.eval(frame)));
        }
    }

    static final class Test extends Expr {
        final Expr input;
        final JinjaTest test;
        final ArgList args;
        final boolean negated;

        Test(Pos pos, Expr input, JinjaTest test, ArgList args, boolean negated) {
            super(pos);
            this.input = input;
            this.test = test;
            this.args = args;
            this.negated = negated;
        }

        @Override
        Object evaluate(Frame frame) {
            return test.test(input.eval(frame), args.eval(frame)) != negated;
        }
    }

    static final class Binary extends Expr {
        final String op;
        final Expr left;
        final Expr right;

        Binary(Pos pos, String op, Expr left, Expr right) {
            super(pos);
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        Object evaluate(Frame frame) {
            switch (op) {
                case "and": {
                    Object l = left.eval(frame);
                    return Py.truthy(l) ? right.eval(frame) : l;
                }
                case "or": {
                    Object l = left.eval(frame);
                    return Py.truthy(l) ? l : right.eval(frame);
                }
                default:
                    break;
            }
            Object l = left.eval(frame);
            Object r = right.eval(frame);
            return switch (op) {
                case "+" -> PyMath.add(l, r);
                case "-" -> PyMath.sub(l, r);
                case "*" -> PyMath.mul(l, r);
                case "/" -> PyMath.div(l, r);
                case "//" -> PyMath.floorDiv(l, r);
                case "%" -> PyMath.mod(l, r);
                case "**" -> PyMath.pow(l, r);
                case "~" -> Py.str(l).concat(Py.str(r));
                default -> throw new IllegalStateException(op);
            };
        }
    }

    /** {@code a < b <= c}: a chain of comparisons, each operand evaluated once. */
    static final class Compare extends Expr {
        final Expr first;
        final String[] ops;
        final Expr[] operands;

        Compare(Pos pos, Expr first, List<String> ops, List<Expr> operands) {
            super(pos);
            this.first = first;
            this.ops = ops.toArray(new String[0]);
            this.operands = operands.toArray(new Expr[0]);
        }

        @Override
        Object evaluate(Frame frame) {
            Object left = first.eval(frame);
            for (int i = 0; i < ops.length; i++) {
                Object right = operands[i].eval(frame);
                if (!compare(ops[i], left, right)) {
                    return false;
                }
                left = right;
            }
            return true;
        }

        static boolean compare(String op, Object l, Object r) {
            switch (op) {
                case "==":
                    return Py.eq(l, r);
                case "!=":
                    return !Py.eq(l, r);
                case "in":
                    return Py.contains(r, l);
                case "notin":
                    return !Py.contains(r, l);
                default:
                    break;
            }
            if (l instanceof Undefined u) {
                throw u.error();
            }
            if (r instanceof Undefined u) {
                throw u.error();
            }
            if (PyMath.isNaN(l) && Py.isNumber(r) || PyMath.isNaN(r) && Py.isNumber(l)) {
                return false; // NaN is unordered
            }
            int c = Py.compare(l, r, op);
            return switch (op) {
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                default -> c >= 0;
            };
        }
    }

    static final class Unary extends Expr {
        final String op;
        final Expr operand;

        Unary(Pos pos, String op, Expr operand) {
            super(pos);
            this.op = op;
            this.operand = operand;
        }

        @Override
        Object evaluate(Frame frame) {
            Object v = operand.eval(frame);
            return switch (op) {
                case "not" -> !Py.truthy(v);
                case "-" -> PyMath.neg(v);
                default -> PyMath.pos(v);
            };
        }
    }

    static final class Conditional extends Expr {
        final Expr test;
        final Expr then;
        final Expr otherwise;

        Conditional(Pos pos, Expr test, Expr then, Expr otherwise) {
            super(pos);
            this.test = test;
            this.then = then;
            this.otherwise = otherwise;
        }

        @Override
        Object evaluate(Frame frame) {
            if (Py.truthy(test.eval(frame))) {
                return then.eval(frame);
            }
            return otherwise == null ? Undefined.withHint("the inline if-expression on line " + pos.line()
                    + " evaluated to false and no else section was defined.") : otherwise.eval(frame);
        }
    }
}
