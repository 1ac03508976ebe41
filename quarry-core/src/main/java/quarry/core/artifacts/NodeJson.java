package quarry.core.artifacts;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import quarry.core.adapter.RelationStyle;
import quarry.core.manifest.Node;
import quarry.core.manifest.ResourceType;

/**
 * The manifest JSON of one node, written for tens of thousands of nodes at a time: every field name
 * and constant value is pre-encoded once ({@link SerializedString}, copied as UTF-8 bytes), and a
 * value that several nodes share by identity (the resolved config most nodes of a folder have, see
 * quarry.core.parse.SharedConfigs, and its {@code docs}) is encoded once and copied for each node.
 * The bytes are the same as writing every value field by field. Thread-safe once built.
 */
final class NodeJson {

    private static SerializedString s(String text) {
        return new SerializedString(text);
    }

    private static final SerializedString DATABASE = s("database");
    private static final SerializedString SCHEMA = s("schema");
    private static final SerializedString NAME = s("name");
    private static final SerializedString RESOURCE_TYPE = s("resource_type");
    private static final SerializedString PACKAGE_NAME = s("package_name");
    private static final SerializedString PATH = s("path");
    private static final SerializedString ORIGINAL_FILE_PATH = s("original_file_path");
    private static final SerializedString UNIQUE_ID = s("unique_id");
    private static final SerializedString FQN = s("fqn");
    private static final SerializedString ALIAS = s("alias");
    private static final SerializedString CHECKSUM = s("checksum");
    private static final SerializedString SHA256 = s("sha256");
    private static final SerializedString NONE = s("none");
    private static final SerializedString CONFIG = s("config");
    private static final SerializedString TAGS = s("tags");
    private static final SerializedString DESCRIPTION = s("description");
    private static final SerializedString META = s("meta");
    private static final SerializedString GROUP = s("group");
    private static final SerializedString DOCS = s("docs");
    private static final SerializedString PATCH_PATH = s("patch_path");
    private static final SerializedString BUILD_PATH = s("build_path");
    private static final SerializedString UNRENDERED_CONFIG = s("unrendered_config");
    private static final SerializedString CREATED_AT = s("created_at");
    private static final SerializedString CONFIG_CALL_DICT = s("config_call_dict");
    private static final SerializedString RELATION_NAME = s("relation_name");
    private static final SerializedString RAW_CODE = s("raw_code");
    private static final SerializedString DOC_BLOCKS = s("doc_blocks");
    private static final SerializedString LANGUAGE = s("language");
    private static final SerializedString SOURCES = s("sources");
    private static final SerializedString METRICS = s("metrics");
    private static final SerializedString FUNCTIONS = s("functions");
    private static final SerializedString DEPENDS_ON = s("depends_on");
    private static final SerializedString MACROS = s("macros");
    private static final SerializedString NODES = s("nodes");
    private static final SerializedString COMPILED_PATH = s("compiled_path");
    private static final SerializedString COMPILED = s("compiled");
    private static final SerializedString COMPILED_CODE = s("compiled_code");
    private static final SerializedString EXTRA_CTES_INJECTED = s("extra_ctes_injected");
    private static final SerializedString EXTRA_CTES = s("extra_ctes");
    private static final SerializedString ID = s("id");
    private static final SerializedString SQL = s("sql");
    private static final SerializedString CONTRACT = s("contract");
    private static final SerializedString ENFORCED = s("enforced");
    private static final SerializedString ALIAS_TYPES = s("alias_types");
    private static final SerializedString ACCESS = s("access");
    private static final SerializedString CONSTRAINTS = s("constraints");
    private static final SerializedString VERSION = s("version");
    private static final SerializedString LATEST_VERSION = s("latest_version");
    private static final SerializedString DEPRECATION_DATE = s("deprecation_date");
    private static final SerializedString PRIMARY_KEY = s("primary_key");
    private static final SerializedString TIME_SPINE = s("time_spine");
    private static final SerializedString ROOT_PATH = s("root_path");
    private static final SerializedString COLUMN_NAME = s("column_name");
    private static final SerializedString FILE_KEY_NAME = s("file_key_name");
    private static final SerializedString ATTACHED_NODE = s("attached_node");
    private static final SerializedString TEST_METADATA = s("test_metadata");
    private static final SerializedString KWARGS = s("kwargs");
    private static final SerializedString NAMESPACE = s("namespace");
    private static final Map<ResourceType, SerializedString> TYPE_NAMES = typeNames();
    private static final Map<String, Boolean> DEFAULT_DOCS = Map.of("show", true);

    private final RelationStyle relationStyle;
    /** Values several nodes share (by identity), already encoded; only read while nodes are written. */
    private final Map<Object, SerializedString> shared;

    private NodeJson(RelationStyle relationStyle, Map<Object, SerializedString> shared) {
        this.relationStyle = relationStyle;
        this.shared = shared;
    }

    /** A writer for these nodes: the configs (and their docs) that two or more of them share are encoded now. */
    static NodeJson forNodes(Collection<Node> nodes, RelationStyle relationStyle, JsonFactory factory)
            throws IOException {
        Map<Object, Integer> uses = new IdentityHashMap<>();
        for (Node n : nodes) {
            uses.merge(n.config(), 1, Integer::sum);
            uses.merge(docs(n), 1, Integer::sum);
        }
        Map<Object, SerializedString> shared = new IdentityHashMap<>();
        for (Map.Entry<Object, Integer> e : uses.entrySet()) {
            if (e.getValue() > 1) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
                try (JsonGenerator g = factory.createGenerator(bytes, JsonEncoding.UTF8)) {
                    ResourceJson.value(g, e.getKey());
                }
                SerializedString json = new SerializedString(bytes.toString(StandardCharsets.UTF_8));
                json.asUnquotedUTF8(); // encoded here, once, not raced for by the writing threads
                shared.put(e.getKey(), json);
            }
        }
        return new NodeJson(relationStyle, shared);
    }

    private static Object docs(Node n) {
        return n.config().getOrDefault("docs", DEFAULT_DOCS);
    }

    /** A value: copied when it is a shared one, written out otherwise. */
    private void value(JsonGenerator g, SerializableString name, Object value) throws IOException {
        g.writeFieldName(name);
        SerializedString encoded = value == null ? null : shared.get(value);
        if (encoded != null) {
            g.writeRawValue(encoded);
        } else {
            ResourceJson.value(g, value);
        }
    }

    private static void string(JsonGenerator g, SerializableString name, String value) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value);
        }
    }

    private static void nullField(JsonGenerator g, SerializableString name) throws IOException {
        g.writeFieldName(name);
        g.writeNull();
    }

    private static void emptyArray(JsonGenerator g, SerializableString name) throws IOException {
        g.writeFieldName(name);
        g.writeStartArray();
        g.writeEndArray();
    }

    void write(JsonGenerator g, Node n, CompiledNode compiled) throws IOException {
        g.writeStartObject();
        string(g, DATABASE, n.database());
        string(g, SCHEMA, n.schema());
        string(g, NAME, n.name());
        g.writeFieldName(RESOURCE_TYPE);
        g.writeString(TYPE_NAMES.get(n.resourceType()));
        string(g, PACKAGE_NAME, n.packageName());
        string(g, PATH, n.path());
        string(g, ORIGINAL_FILE_PATH, n.originalFilePath());
        string(g, UNIQUE_ID, n.uniqueId());
        value(g, FQN, n.fqn());
        string(g, ALIAS, n.alias());
        g.writeFieldName(CHECKSUM);
        g.writeStartObject();
        g.writeFieldName(NAME);
        g.writeString(n.testMetadata() != null ? NONE : SHA256);
        g.writeFieldName(CHECKSUM);
        if (n.manifestChecksum() == null) {
            g.writeNull();
        } else {
            g.writeString(n.manifestChecksum());
        }
        g.writeEndObject();
        value(g, CONFIG, n.config());
        value(g, TAGS, n.tags());
        string(g, DESCRIPTION, n.description());
        ResourceJson.columns(g, n.columns());
        value(g, META, n.meta());
        nullField(g, GROUP);
        value(g, DOCS, docs(n));
        string(g, PATCH_PATH, n.patchPath());
        nullField(g, BUILD_PATH);
        value(g, UNRENDERED_CONFIG, n.configCallDict());
        g.writeFieldName(CREATED_AT);
        g.writeNumber(0);
        value(g, CONFIG_CALL_DICT, n.configCallDict());
        string(g, RELATION_NAME, relationName(n));
        string(g, RAW_CODE, n.rawCode());
        emptyArray(g, DOC_BLOCKS);
        string(g, LANGUAGE, n.language());
        ResourceJson.refs(g, n.refs());
        value(g, SOURCES, n.sources());
        emptyArray(g, METRICS);
        emptyArray(g, FUNCTIONS);
        g.writeFieldName(DEPENDS_ON);
        g.writeStartObject();
        value(g, MACROS, n.dependsOnMacros());
        value(g, NODES, n.dependsOnNodes());
        g.writeEndObject();
        if (compiled != null) {
            string(g, COMPILED_PATH, compiled.compiledPath());
            g.writeFieldName(COMPILED);
            g.writeBoolean(true);
            string(g, COMPILED_CODE, compiled.compiledCode());
            g.writeFieldName(EXTRA_CTES_INJECTED);
            g.writeBoolean(true);
            g.writeFieldName(EXTRA_CTES);
            g.writeStartArray();
            for (CompiledNode.Cte cte : compiled.extraCtes()) {
                g.writeStartObject();
                string(g, ID, cte.id());
                string(g, SQL, cte.sql());
                g.writeEndObject();
            }
            g.writeEndArray();
        } else {
            nullField(g, COMPILED_PATH);
        }
        // the model's contract as configured (config.contract), its checksum left out
        Object contract = n.config().get("contract");
        Map<?, ?> configured = contract instanceof Map<?, ?> m ? m : Map.of();
        g.writeFieldName(CONTRACT);
        g.writeStartObject();
        g.writeFieldName(ENFORCED);
        g.writeBoolean(Boolean.TRUE.equals(configured.get("enforced")));
        g.writeFieldName(ALIAS_TYPES);
        g.writeBoolean(!Boolean.FALSE.equals(configured.get("alias_types")));
        nullField(g, CHECKSUM);
        g.writeEndObject();
        if (n.resourceType() == ResourceType.MODEL) {
            string(g, ACCESS, String.valueOf(n.config().getOrDefault("access", "protected")));
            emptyArray(g, CONSTRAINTS);
            string(g, VERSION, n.version());
            string(g, LATEST_VERSION, n.version());
            nullField(g, DEPRECATION_DATE);
            emptyArray(g, PRIMARY_KEY);
            nullField(g, TIME_SPINE);
        }
        if (n.resourceType() == ResourceType.SEED) {
            nullField(g, ROOT_PATH);
        }
        if (n.testMetadata() != null) {
            string(g, COLUMN_NAME, n.columnName());
            string(g, FILE_KEY_NAME, n.fileKeyName());
            string(g, ATTACHED_NODE, n.attachedNode());
            g.writeFieldName(TEST_METADATA);
            g.writeStartObject();
            string(g, NAME, n.testMetadata().name());
            value(g, KWARGS, n.testMetadata().kwargs());
            string(g, NAMESPACE, n.testMetadata().namespace());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private String relationName(Node n) {
        if (n.isEphemeral() || n.resourceType() == ResourceType.ANALYSIS
                || n.resourceType() == ResourceType.TEST && !Boolean.TRUE.equals(n.config().get("store_failures"))) {
            return null;
        }
        return new quarry.core.adapter.Relation(n.database(), n.schema(), n.alias(),
                quarry.core.adapter.RelationType.TABLE, relationStyle).render();
    }

    private static Map<ResourceType, SerializedString> typeNames() {
        Map<ResourceType, SerializedString> names = new java.util.EnumMap<>(ResourceType.class);
        for (ResourceType t : ResourceType.values()) {
            names.put(t, s(t.dbtName()));
        }
        return names;
    }
}
