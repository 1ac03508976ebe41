package quarry.core.jinja;

import java.util.ArrayList;
import java.util.List;

/** A Python slice {@code [start:stop:step]} applied to a list, tuple or string. */
record Slice(Object start, Object stop, Object step) {

    Object apply(Object target) {
        if (target instanceof String s) {
            int[] cps = s.codePoints().toArray();
            StringBuilder out = new StringBuilder();
            for (int i : indices(cps.length)) {
                out.appendCodePoint(cps[i]);
            }
            return out.toString();
        }
        if (target instanceof Builtins.PyRange range) {
            long[] b = bounds(range.size());
            return new Builtins.PyRange(range.start() + b[0] * range.step(), range.start() + b[1] * range.step(),
                    range.step() * b[2]);
        }
        if (target instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (int i : indices(list.size())) {
                out.add(list.get(i));
            }
            return target instanceof PyTuple ? PyTuple.copyOf(out) : out;
        }
        if (target instanceof Undefined u) {
            throw u.error();
        }
        throw new JinjaException("'" + Py.typeName(target) + "' object is not subscriptable");
    }

    private int[] indices(int length) {
        long[] b = bounds(length);
        long lo = b[0];
        long hi = b[1];
        long st = b[2];
        List<Integer> out = new ArrayList<>();
        if (st > 0) {
            for (long i = lo; i < hi; i += st) {
                out.add((int) i);
            }
        } else {
            for (long i = lo; i > hi; i += st) {
                out.add((int) i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Python's slice.indices(length): clamped start, stop and the step. */
    private long[] bounds(int length) {
        long st = step == null ? 1 : Py.toIndex(step);
        if (st == 0) {
            throw new JinjaException("slice step cannot be zero");
        }
        long lo;
        long hi;
        if (st > 0) {
            lo = bound(start, length, 0, 0, length);
            hi = bound(stop, length, length, 0, length);
        } else {
            lo = bound(start, length, length - 1, -1, length - 1);
            hi = bound(stop, length, -1, -1, length - 1);
        }
        return new long[] {lo, hi, st};
    }

    private static long bound(Object value, int length, long absent, long min, long max) {
        if (value == null) {
            return absent;
        }
        long v = Py.toIndex(value);
        if (v < 0) {
            v += length;
        }
        return Math.max(min, Math.min(max, v));
    }
}
