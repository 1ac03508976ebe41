package quarry.core.session;

import static quarry.core.session.StateTags.*;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import quarry.core.project.YamlMap;

/**
 * A compact binary form for the saved parse state: strings written once and then referred to by
 * number, plain values (null, booleans, numbers, strings, lists, sets, maps, enums) and Quarry's
 * records (written component by component, read back through their canonical constructor). Only
 * records of {@code quarry.} packages are read back; any other type is refused when writing, so a
 * state that cannot be saved faithfully is not saved at all. Lists and maps come back as
 * {@link ArrayList} and {@link LinkedHashMap} (order kept), except unmodifiable maps: one instance
 * (the config most nodes of a folder share) is written once per section and then by number, and
 * comes back as one unmodifiable map shared again.
 */
final class StateCodec {

    private StateCodec() {}

    /** A value the codec cannot write; the caller saves nothing. */
    static final class UnsupportedValue extends IOException {
        UnsupportedValue(String message) {
            super(message);
        }
    }

    /**
     * How a record is written and read back: its components' fields (read directly: an accessor
     * called through a method handle spins a class of its own once called often, and the
     * sections' encoders spun thousands), and its canonical constructor.
     */
    private record Shape(Class<?> type, Field[] fields, MethodHandle constructor) {}

    /**
     * How values of a class are written (its tag), decided once per class for the whole process: a
     * chain of {@code instanceof} checks against interfaces for every value costs more than the writing.
     */
    private static final ClassValue<Integer> KINDS = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
            return StateTags.kindOf(type);
        }
    };

    /** One shape per record class for the whole process, shared by every section's encoder and decoder. */
    private static final ClassValue<Object> SHAPES = new ClassValue<>() {
        @Override
        protected Object computeValue(Class<?> type) {
            try {
                RecordComponent[] components = type.getRecordComponents();
                Field[] fields = new Field[components.length];
                Class<?>[] types = new Class<?>[components.length];
                for (int i = 0; i < components.length; i++) {
                    fields[i] = type.getDeclaredField(components[i].getName());
                    fields[i].setAccessible(true);
                    types[i] = components[i].getType();
                }
                java.lang.reflect.Constructor<?> c = type.getDeclaredConstructor(types);
                c.setAccessible(true);
                MethodHandle constructor = MethodHandles.lookup().unreflectConstructor(c)
                        .asSpreader(Object[].class, types.length)
                        .asType(MethodType.methodType(Object.class, Object[].class));
                return new Shape(type, fields, constructor);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return new UnsupportedValue("cannot save " + type.getName() + ": " + e);
            }
        }
    };

    private static Shape shape(Class<?> type) throws IOException {
        Object shape = SHAPES.get(type);
        if (shape instanceof UnsupportedValue e) {
            throw new UnsupportedValue(e.getMessage());
        }
        return (Shape) shape;
    }

    /** Writes one value tree. */
    static final class Writer {
        private final StateBytes.Sink out;
        private final Map<String, Integer> strings = new HashMap<>(1 << 14);
        /** Unmodifiable maps already written, by identity: nodes share their config instance. */
        private final Map<Object, Integer> sharedMaps = new java.util.IdentityHashMap<>();

        Writer(StateBytes.Sink out) {
            this.out = out;
        }

        void write(Object v) throws IOException {
            if (v == null) {
                out.writeByte(NULL);
                return;
            }
            switch (kind(v.getClass())) {
                case STRING -> string((String) v);
                case TRUE -> out.writeByte((Boolean) v ? TRUE : FALSE);
                case INT -> {
                    out.writeByte(INT);
                    out.writeInt((Integer) v);
                }
                case LONG -> {
                    out.writeByte(LONG);
                    out.writeLong((Long) v);
                }
                case DOUBLE -> {
                    out.writeByte(DOUBLE);
                    out.writeDouble((Double) v);
                }
                case FLOAT -> {
                    out.writeByte(FLOAT);
                    out.writeFloat((Float) v);
                }
                case BIG_INTEGER, BIG_DECIMAL -> {
                    out.writeByte(kind(v.getClass()));
                    string(v.toString());
                }
                case LIST, SET -> {
                    Collection<?> items = (Collection<?>) v;
                    out.writeByte(kind(v.getClass()));
                    out.writeInt(items.size());
                    for (Object item : items) {
                        write(item);
                    }
                }
                case YAML_MAP -> {
                    YamlMap y = (YamlMap) v;
                    out.writeByte(YAML_MAP);
                    out.writeInt(y.line());
                    // as plain maps (the bytes a LinkedHashMap copy of each would give, without the copies)
                    entries(MAP, y);
                    entries(MAP, y.keyLines());
                }
                case SHARED_MAP -> {
                    Integer seen = sharedMaps.get(v);
                    if (seen != null) {
                        out.writeByte(MAP_REF);
                        out.writeInt(seen);
                        return;
                    }
                    sharedMaps.put(v, sharedMaps.size());
                    entries(SHARED_MAP, (Map<?, ?>) v);
                }
                case MAP -> entries(MAP, (Map<?, ?>) v);
                case ENUM -> {
                    Enum<?> e = (Enum<?>) v;
                    out.writeByte(ENUM);
                    string(e.getDeclaringClass().getName());
                    string(e.name());
                }
                case RECORD -> {
                    Shape shape = shape(v.getClass());
                    out.writeByte(RECORD);
                    string(v.getClass().getName());
                    for (Field field : shape.fields()) {
                        try {
                            write(field.get(v));
                        } catch (IllegalAccessException e) {
                            throw new UnsupportedValue(e.toString());
                        }
                    }
                }
                default -> throw new UnsupportedValue("cannot save a value of type " + v.getClass().getName());
            }
        }

        private void entries(int tag, Map<?, ?> map) throws IOException {
            out.writeByte(tag);
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                write(e.getKey());
                write(e.getValue());
            }
        }

        private static int kind(Class<?> type) {
            return KINDS.get(type);
        }

        private void string(String s) throws IOException {
            Integer index = strings.get(s);
            if (index != null) {
                out.writeByte(STRING);
                out.writeInt(index);
                return;
            }
            strings.put(s, strings.size());
            out.writeByte(NEW_STRING);
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    /** Reads back what {@link Writer} wrote. */
    static final class Reader {
        private final StateBytes.Source in;
        private final List<String> strings = new ArrayList<>();
        private final List<Map<Object, Object>> sharedMaps = new ArrayList<>();
        private final Map<String, Class<?>> classes = new HashMap<>();

        Reader(StateBytes.Source in) {
            this.in = in;
        }

        Object read() throws IOException {
            int tag = in.readByte();
            return switch (tag) {
                case NULL -> null;
                case STRING, NEW_STRING -> stringAfter(tag);
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                case INT -> in.readInt();
                case LONG -> in.readLong();
                case DOUBLE -> in.readDouble();
                case FLOAT -> in.readFloat();
                case BIG_INTEGER -> new BigInteger(string());
                case BIG_DECIMAL -> new BigDecimal(string());
                case LIST -> {
                    int n = size();
                    List<Object> list = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        list.add(read());
                    }
                    yield list;
                }
                case SET -> {
                    int n = size();
                    Set<Object> set = new LinkedHashSet<>();
                    for (int i = 0; i < n; i++) {
                        set.add(read());
                    }
                    yield set;
                }
                case MAP -> {
                    int n = size();
                    Map<Object, Object> map = new LinkedHashMap<>();
                    for (int i = 0; i < n; i++) {
                        Object k = read();
                        map.put(k, read());
                    }
                    yield map;
                }
                case SHARED_MAP -> {
                    int n = size();
                    Map<Object, Object> map = new LinkedHashMap<>();
                    Map<Object, Object> shared = java.util.Collections.unmodifiableMap(map);
                    // numbered before its entries, as the writer numbers it (they may hold shared maps)
                    sharedMaps.add(shared);
                    for (int i = 0; i < n; i++) {
                        Object k = read();
                        map.put(k, read());
                    }
                    yield shared;
                }
                case MAP_REF -> {
                    int index = in.readInt();
                    if (index < 0 || index >= sharedMaps.size()) {
                        throw new IOException("corrupt state: shared map " + index);
                    }
                    yield sharedMaps.get(index);
                }
                case ENUM -> enumValue(type(string()), string());
                case YAML_MAP -> yamlMap();
                case RECORD -> record(type(string()));
                default -> throw new IOException("corrupt state: tag " + tag);
            };
        }

        @SuppressWarnings("unchecked")
        private Object yamlMap() throws IOException {
            int line = in.readInt();
            Object entries = read();
            Object lines = read();
            if (!(entries instanceof Map<?, ?> e) || !(lines instanceof Map<?, ?> l)) {
                throw new IOException("corrupt state: a YAML mapping without entries");
            }
            return YamlMap.of(line, (Map<String, Object>) e, (Map<String, Integer>) l);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static Object enumValue(Class<?> type, String name) throws IOException {
            if (!type.isEnum()) {
                throw new IOException("corrupt state: " + type.getName() + " is not an enum");
            }
            return Enum.valueOf((Class) type, name);
        }

        private Object record(Class<?> type) throws IOException {
            if (!type.isRecord()) {
                throw new IOException("corrupt state: " + type.getName() + " is not a record");
            }
            Shape shape = shape(type);
            Object[] values = new Object[shape.fields().length];
            for (int i = 0; i < values.length; i++) {
                values[i] = read();
            }
            try {
                return shape.constructor().invoke(values);
            } catch (Throwable t) {
                throw new IOException("corrupt state: cannot rebuild " + type.getName() + ": " + t, t);
            }
        }

        private Class<?> type(String name) throws IOException {
            Class<?> c = classes.get(name);
            if (c != null) {
                return c;
            }
            if (!name.startsWith("quarry.")) {
                throw new IOException("corrupt state: unexpected type " + name);
            }
            try {
                c = Class.forName(name, false, StateCodec.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IOException("corrupt state: unknown type " + name, e);
            }
            classes.put(name, c);
            return c;
        }

        private int size() throws IOException {
            int n = in.readInt();
            if (n < 0) {
                throw new IOException("corrupt state: negative size");
            }
            return n;
        }

        private String string() throws IOException {
            return stringAfter(in.readByte());
        }

        private String stringAfter(int tag) throws IOException {
            if (tag == STRING) {
                int index = in.readInt();
                if (index < 0 || index >= strings.size()) {
                    throw new IOException("corrupt state: string " + index);
                }
                return strings.get(index);
            }
            if (tag != NEW_STRING) {
                throw new IOException("corrupt state: expected a string, found tag " + tag);
            }
            String s = in.readString(size());
            strings.add(s);
            return s;
        }
    }
}
