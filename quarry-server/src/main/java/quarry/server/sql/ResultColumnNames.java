package quarry.server.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Names of the columns a SELECT list produces, as Rockset names them in {@code results} and
 * {@code column_fields} (spec §5.7): the alias; else a field reference's last name; else
 * {@code ?} and the lower-case function name for a call ({@code ?count}); else {@code ?field0},
 * {@code ?field1}, … counting the other unnamed expressions from 0.
 */
public final class ResultColumnNames {

    private ResultColumnNames() {
    }

    /** One entry per select item; empty for {@code *} and {@code t.*}, whose names come from the data. */
    public static List<Optional<String>> of(List<SelectItem> items) {
        List<Optional<String>> names = new ArrayList<>();
        int unnamed = 0;
        for (SelectItem item : items) {
            if (!(item instanceof SelectItem.Single single)) {
                names.add(Optional.empty());
                continue;
            }
            if (single.alias().isPresent()) {
                names.add(Optional.of(single.alias().get().name()));
                continue;
            }
            Optional<String> derived = derivedName(single.expression());
            if (derived.isPresent()) {
                names.add(derived);
            } else {
                names.add(Optional.of("?field" + unnamed));
                unnamed++;
            }
        }
        return names;
    }

    private static Optional<String> derivedName(Expression expression) {
        if (expression instanceof Expression.FieldReference reference) {
            return Optional.of(reference.last().name());
        }
        if (expression instanceof Expression.FieldAccess access) {
            return Optional.of(access.field().name());
        }
        if (expression instanceof Expression.FunctionCall call) {
            String name = call.name();
            int dot = name.lastIndexOf('.');
            return Optional.of("?" + name.substring(dot + 1).toLowerCase(Locale.ROOT));
        }
        return Optional.empty();
    }
}
