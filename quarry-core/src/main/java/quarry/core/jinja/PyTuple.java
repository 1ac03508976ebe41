package quarry.core.jinja;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/** A Python tuple: an immutable list that prints with parentheses and is never equal to a list. */
public final class PyTuple extends AbstractList<Object> implements RandomAccess {
    private static final PyTuple EMPTY = new PyTuple(new Object[0]);

    private final Object[] items;
    private final String[] fieldNames;

    private PyTuple(Object[] items) {
        this(items, null);
    }

    private PyTuple(Object[] items, String[] fieldNames) {
        this.items = items;
        this.fieldNames = fieldNames;
    }

    /** A named tuple (as Jinja2's groupby yields): a tuple whose items are also attributes. */
    static PyTuple named(String[] fieldNames, Object... items) {
        return new PyTuple(items.clone(), fieldNames.clone());
    }

    /** The item for a named-tuple field, or null when there is no such field. */
    Object field(String name) {
        if (fieldNames != null) {
            for (int i = 0; i < fieldNames.length; i++) {
                if (fieldNames[i].equals(name)) {
                    return new Object[] {items[i]};
                }
            }
        }
        return null;
    }

    public static PyTuple of(Object... items) {
        return items.length == 0 ? EMPTY : new PyTuple(items.clone());
    }

    public static PyTuple copyOf(List<?> items) {
        return items.isEmpty() ? EMPTY : new PyTuple(items.toArray());
    }

    @Override
    public Object get(int index) {
        return items[index];
    }

    @Override
    public int size() {
        return items.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PyTuple && super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
