package quarry.rockset;

import java.util.Map;
import quarry.core.SourceLocation;
import quarry.core.adapter.Adapter;
import quarry.core.adapter.AdapterConnection;
import quarry.core.adapter.Credentials;
import quarry.core.adapter.RelationStyle;
import quarry.core.project.ProjectException;

/**
 * The {@code rockset} adapter: profile validation, relation naming and quoting, and its
 * {@code rockset__} macros. Opening connections arrives with the execution half of the adapter.
 */
public final class RocksetAdapter implements Adapter {

    @Override
    public String type() {
        return RocksetCredentials.TYPE;
    }

    @Override
    public Credentials credentials(Map<String, Object> profileFields) {
        return RocksetCredentials.from(profileFields);
    }

    @Override
    public RelationStyle relationStyle() {
        return RocksetRelation.STYLE;
    }

    @Override
    public String quote(String identifier) {
        return RocksetRelation.quoteColumn(identifier);
    }

    @Override
    public String macroResourceRoot() {
        return "quarry/rockset/macros";
    }

    @Override
    public AdapterConnection connect(Credentials credentials) {
        throw new ProjectException(SourceLocation.of("profiles.yml"),
                "this build of Quarry cannot run SQL on Rockset yet (commands that only parse and compile work)");
    }
}
