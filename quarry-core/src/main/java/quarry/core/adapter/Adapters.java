package quarry.core.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import quarry.core.SourceLocation;
import quarry.core.Suggestions;
import quarry.core.project.ProjectException;

/** Finds the adapter for a profile's {@code type} among those on the classpath. */
public final class Adapters {

    private final List<Adapter> available;

    public Adapters(List<Adapter> available) {
        this.available = List.copyOf(available);
    }

    public static Adapters fromClasspath() {
        List<Adapter> found = new ArrayList<>();
        ServiceLoader.load(Adapter.class).forEach(found::add);
        return new Adapters(found);
    }

    public Adapter forType(String type, SourceLocation where) {
        for (Adapter adapter : available) {
            if (adapter.type().equals(type)) {
                return adapter;
            }
        }
        List<String> types = available.stream().map(Adapter::type).toList();
        throw new ProjectException(where, "no adapter for type '" + type + "'" + Suggestions.didYouMean(type, types)
                + " (available: " + String.join(", ", types) + ")");
    }
}
