package quarry.core.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import quarry.core.manifest.ResourceType;

class SharedConfigsTest {

    private final SharedConfigs shared = new SharedConfigs();

    private static Map<String, Object> config(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void equalConfigsOfImmutableValuesShareOneUnmodifiableInstance() {
        Map<String, Object> a = ConfigRules.defaults(ResourceType.MODEL);
        Map<String, Object> b = ConfigRules.defaults(ResourceType.MODEL);
        a.put("materialized", "table");
        b.put("materialized", "table");

        Map<String, Object> first = shared.of(a);
        Map<String, Object> second = shared.of(b);

        assertThat(second).isSameAs(first).isEqualTo(a);
        assertThat(List.copyOf(first.keySet())).isEqualTo(List.copyOf(a.keySet()));
        assertThatThrownBy(() -> first.put("enabled", false)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theSameEntriesInAnotherOrderAreAnotherConfig() {
        Map<String, Object> ab = shared.of(config("a", 1L, "b", List.of("x")));
        Map<String, Object> ba = shared.of(config("b", List.of("x"), "a", 1L));

        assertThat(ba).isNotSameAs(ab);
        assertThat(List.copyOf(ba.keySet())).containsExactly("b", "a");
    }

    @Test
    void valuesOfDifferentTypesAreNotConfused() {
        assertThat(shared.of(config("limit", 1L))).isNotSameAs(shared.of(config("limit", 1.0)));
        assertThat(shared.of(config("enabled", true))).isNotSameAs(shared.of(config("enabled", "true")));
    }

    @Test
    void aConfigHoldingAMutableValueKeepsItsOwnMap() {
        List<Object> tags = new ArrayList<>(List.of("nightly"));
        Map<String, Object> withList = config("tags", tags);
        Map<String, Object> nested = config("meta", config("owner", "a"));

        assertThat(shared.of(withList)).isSameAs(withList);
        assertThat(shared.of(nested)).isSameAs(nested);
        assertThat(shared.of(config("tags", new ArrayList<>(List.of("nightly"))))).isNotSameAs(withList);
    }
}
