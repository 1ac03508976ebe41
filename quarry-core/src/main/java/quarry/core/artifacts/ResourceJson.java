package quarry.core.artifacts;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import quarry.core.adapter.RelationStyle;
import quarry.core.manifest.ColumnInfo;
import quarry.core.manifest.Exposure;
import quarry.core.manifest.Macro;
import quarry.core.manifest.RefCall;
import quarry.core.manifest.SourceDefinition;

/** The manifest JSON of plain values, columns, sources, macros and exposures (nodes are {@link ManifestWriter}'s). */
final class ResourceJson {

    private ResourceJson() {}

    /** Writes a field whose value is a plain value (maps, lists, strings, numbers, booleans, null) without data binding. */
    static void field(JsonGenerator g, String name, Object value) throws IOException {
        g.writeFieldName(name);
        value(g, value);
    }

    static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Iterable<?> l) {
            g.writeStartArray();
            for (Object item : l) {
                value(g, item);
            }
            g.writeEndArray();
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Long || v instanceof Integer) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof java.math.BigInteger b) {
            g.writeNumber(b);
        } else {
            g.writeString(String.valueOf(v));
        }
    }

    static void columns(JsonGenerator g, Map<String, ColumnInfo> columns) throws IOException {
        g.writeObjectFieldStart("columns");
        for (ColumnInfo c : columns.values()) {
            g.writeObjectFieldStart(c.name());
            g.writeStringField("name", c.name());
            g.writeStringField("description", c.description());
            field(g, "meta", c.meta());
            g.writeStringField("data_type", c.dataType());
            field(g, "constraints", c.constraints());
            if (c.quote() == null) {
                g.writeNullField("quote");
            } else {
                g.writeBooleanField("quote", c.quote());
            }
            field(g, "tags", c.tags());
            g.writeObjectFieldStart("config");
            field(g, "meta", c.meta());
            field(g, "tags", c.tags());
            g.writeEndObject();
            g.writeNullField("granularity");
            g.writeArrayFieldStart("doc_blocks");
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    static void source(JsonGenerator g, SourceDefinition s, RelationStyle relationStyle) throws IOException {
        g.writeStartObject();
        g.writeStringField("database", s.database());
        g.writeStringField("schema", s.schema());
        g.writeStringField("name", s.name());
        g.writeStringField("resource_type", "source");
        g.writeStringField("package_name", s.packageName());
        g.writeStringField("path", s.path());
        g.writeStringField("original_file_path", s.originalFilePath());
        g.writeStringField("unique_id", s.uniqueId());
        field(g, "fqn", s.fqn());
        g.writeStringField("source_name", s.sourceName());
        g.writeStringField("source_description", s.sourceDescription() == null ? "" : s.sourceDescription());
        g.writeStringField("loader", s.loader() == null ? "" : s.loader());
        g.writeStringField("identifier", s.identifier());
        field(g, "quoting", s.quoting());
        g.writeStringField("loaded_at_field", s.loadedAtField());
        g.writeNullField("loaded_at_query");
        field(g, "freshness", s.freshness());
        field(g, "external", s.external().isEmpty() ? null : s.external());
        g.writeStringField("description", s.description() == null ? "" : s.description());
        columns(g, s.columns());
        field(g, "meta", s.meta());
        field(g, "source_meta", s.sourceMeta());
        field(g, "tags", s.tags());
        field(g, "config", s.config());
        g.writeNullField("patch_path");
        g.writeObjectFieldStart("unrendered_config");
        g.writeEndObject();
        g.writeStringField("relation_name", new quarry.core.adapter.Relation(s.database(), s.schema(), s.identifier(),
                quarry.core.adapter.RelationType.TABLE, relationStyle).render());
        g.writeNumberField("created_at", 0);
        g.writeEndObject();
    }

    static void macro(JsonGenerator g, Macro m) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", m.name());
        g.writeStringField("resource_type", "macro");
        g.writeStringField("package_name", m.packageName());
        g.writeStringField("path", m.path());
        g.writeStringField("original_file_path", m.originalFilePath());
        g.writeStringField("unique_id", m.uniqueId());
        g.writeStringField("macro_sql", m.macroSql());
        g.writeObjectFieldStart("depends_on");
        g.writeArrayFieldStart("macros");
        g.writeEndArray();
        g.writeEndObject();
        g.writeStringField("description", m.description());
        field(g, "meta", Map.of());
        g.writeObjectFieldStart("docs");
        g.writeBooleanField("show", true);
        g.writeNullField("node_color");
        g.writeEndObject();
        g.writeNullField("patch_path");
        g.writeArrayFieldStart("arguments");
        for (String arg : m.arguments()) {
            g.writeStartObject();
            g.writeStringField("name", arg);
            g.writeNullField("type");
            g.writeStringField("description", "");
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("created_at", 0);
        g.writeArrayFieldStart("supported_languages");
        g.writeEndArray();
        g.writeEndObject();
    }

    static void exposure(JsonGenerator g, Exposure e) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", e.name());
        g.writeStringField("resource_type", "exposure");
        g.writeStringField("package_name", e.packageName());
        g.writeStringField("path", e.path());
        g.writeStringField("original_file_path", e.originalFilePath());
        g.writeStringField("unique_id", e.uniqueId());
        field(g, "fqn", e.fqn());
        g.writeStringField("type", e.type());
        field(g, "owner", e.owner());
        g.writeStringField("description", e.description() == null ? "" : e.description());
        g.writeStringField("label", e.label());
        g.writeStringField("maturity", e.maturity());
        field(g, "meta", e.meta());
        field(g, "tags", e.tags());
        field(g, "config", e.config());
        g.writeStringField("url", e.url());
        g.writeObjectFieldStart("depends_on");
        g.writeArrayFieldStart("macros");
        g.writeEndArray();
        field(g, "nodes", e.dependsOnNodes());
        g.writeEndObject();
        refs(g, e.refs());
        field(g, "sources", e.sources());
        g.writeNumberField("created_at", 0);
        g.writeEndObject();
    }

    /** {@code "refs": [{name, package, version}, ...]}, as nodes and exposures write them. */
    static void refs(JsonGenerator g, List<RefCall> refs) throws IOException {
        g.writeArrayFieldStart("refs");
        for (RefCall r : refs) {
            g.writeStartObject();
            g.writeStringField("name", r.name());
            g.writeStringField("package", r.packageName());
            g.writeStringField("version", r.version());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
