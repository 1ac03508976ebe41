package quarry.core.session;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import quarry.core.project.YamlMap;

/** The tags of {@link StateCodec}'s format, and which tag a class of values is written with. */
final class StateTags {

    private StateTags() {}

    static final int NULL = 0;
    static final int STRING = 1;
    static final int NEW_STRING = 2;
    static final int TRUE = 3;
    static final int FALSE = 4;
    static final int INT = 5;
    static final int LONG = 6;
    static final int DOUBLE = 7;
    static final int BIG_INTEGER = 8;
    static final int BIG_DECIMAL = 9;
    static final int LIST = 10;
    static final int SET = 11;
    static final int MAP = 12;
    static final int ENUM = 13;
    static final int RECORD = 14;
    static final int FLOAT = 15;
    static final int YAML_MAP = 16;
    /** An unmodifiable map written for the first time in its section; later occurrences are {@link #MAP_REF}s. */
    static final int SHARED_MAP = 17;
    static final int MAP_REF = 18;
    /** Not a tag: a value of this class cannot be written. */
    static final int UNSUPPORTED = -1;

    /** JDK collections only: a Jinja object that happens to be a list or map is refused. */
    static int kindOf(Class<?> type) {
        boolean plain = type.getName().startsWith("java.util.");
        if (type == String.class) {
            return STRING;
        } else if (type == Boolean.class) {
            return TRUE;
        } else if (type == Integer.class) {
            return INT;
        } else if (type == Long.class) {
            return LONG;
        } else if (type == Double.class) {
            return DOUBLE;
        } else if (type == Float.class) {
            return FLOAT;
        } else if (type == BigInteger.class) {
            return BIG_INTEGER;
        } else if (type == BigDecimal.class) {
            return BIG_DECIMAL;
        } else if (List.class.isAssignableFrom(type) && plain) {
            return LIST;
        } else if (Set.class.isAssignableFrom(type) && plain) {
            return SET;
        } else if (type == YamlMap.class) {
            return YAML_MAP;
        } else if (quarry.core.manifest.Frozen.isFrozen(type)) {
            return SHARED_MAP;
        } else if (Map.class.isAssignableFrom(type) && plain) {
            return MAP;
        } else if (Enum.class.isAssignableFrom(type) && enumType(type).getName().startsWith("quarry.")) {
            return ENUM;
        } else if (type.isRecord() && type.getName().startsWith("quarry.")) {
            return RECORD;
        }
        return UNSUPPORTED;
    }

    private static Class<?> enumType(Class<?> type) {
        return type.isEnum() ? type : type.getSuperclass();
    }
}
