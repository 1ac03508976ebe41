package quarry.core.manifest;

import java.util.Objects;

/** One {@code ref()} a node makes: {@code ref('name')}, {@code ref('package', 'name')}, {@code ref('name', v=2)}. */
public record RefCall(String name, String packageName, String version) {
    public RefCall {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("ref(");
        if (packageName != null) {
            b.append('\'').append(packageName).append("', ");
        }
        b.append('\'').append(name).append('\'');
        if (version != null) {
            b.append(", v=").append(version);
        }
        return b.append(')').toString();
    }
}
