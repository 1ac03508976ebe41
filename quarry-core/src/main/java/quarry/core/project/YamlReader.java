package quarry.core.project;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import quarry.core.SourceLocation;

/**
 * Reads YAML files as dbt does (YAML 1.1 scalars, as PyYAML resolves them) into plain Java values:
 * {@link YamlMap}, {@link List}, String, Long/BigInteger, Double, Boolean and null.
 * A syntax error becomes a {@link ProjectException} naming the file and line.
 */
public final class YamlReader {

    private YamlReader() {}

    public static Object read(Path file, String displayPath) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ProjectException(SourceLocation.of(displayPath), "cannot read file: " + e.getMessage());
        }
        return parse(text, displayPath);
    }

    /** Building a SnakeYAML instance costs more than reading a small file; one per thread is reused. */
    private static final ThreadLocal<Yaml> YAML = ThreadLocal.withInitial(() -> {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setCodePointLimit(Integer.MAX_VALUE);
        return new Yaml(options);
    });

    public static Object parse(String text, String displayPath) {
        Object fast = BlockYaml.parse(text);
        return fast != BlockYaml.UNSUPPORTED ? fast : composed(text, displayPath);
    }

    /** Through SnakeYAML's composer: any YAML, and the errors with their lines. */
    static Object composed(String text, String displayPath) {
        try {
            Node root = YAML.get().compose(new java.io.StringReader(text));
            return root == null ? null : convert(root, displayPath);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            throw new ProjectException(new SourceLocation(displayPath, line), "invalid YAML: " + problem);
        } catch (YAMLException e) {
            throw new ProjectException(SourceLocation.of(displayPath), "invalid YAML: " + e.getMessage());
        }
    }

    private static Object convert(Node node, String displayPath) {
        if (node instanceof MappingNode mapping) {
            YamlMap map = new YamlMap(mapping.getStartMark().getLine() + 1);
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (keyNode.getTag().equals(Tag.MERGE)) {
                    Object merged = convert(tuple.getValueNode(), displayPath);
                    if (merged instanceof YamlMap m) {
                        m.forEach((k, v) -> map.putIfAbsent(k, v));
                    }
                    continue;
                }
                Object key = convert(keyNode, displayPath);
                map.putWithLine(String.valueOf(key), convert(tuple.getValueNode(), displayPath),
                        keyNode.getStartMark().getLine() + 1);
            }
            return map;
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>(sequence.getValue().size());
            for (Node item : sequence.getValue()) {
                list.add(convert(item, displayPath));
            }
            return list;
        }
        ScalarNode scalar = (ScalarNode) node;
        return scalar(scalar.getValue(), scalar.getTag());
    }

    private static final org.yaml.snakeyaml.resolver.Resolver RESOLVER = new org.yaml.snakeyaml.resolver.Resolver();

    /** A plain (unquoted) scalar's value, resolved as YAML 1.1 (and SnakeYAML's composer) resolves it. */
    static Object plainScalar(String value) {
        if (!value.isEmpty() && RESOLVED_FIRST.indexOf(value.charAt(0)) < 0) {
            return value; // no implicit type of the resolver starts with this character: a string
        }
        return scalar(value, RESOLVER.resolve(org.yaml.snakeyaml.nodes.NodeId.scalar, value, true));
    }

    /** The first characters of SnakeYAML's implicit types (bool, int, float, merge, null, timestamp, yaml). */
    private static final String RESOLVED_FIRST = "yYnNtTfFoO-+0123456789.<~!&*";

    private static Object scalar(String value, Tag tag) {
        if (tag.equals(Tag.NULL)) {
            return null;
        }
        if (tag.equals(Tag.BOOL)) {
            String lower = value.toLowerCase(java.util.Locale.ROOT);
            return lower.equals("true") || lower.equals("yes") || lower.equals("on") || lower.equals("y");
        }
        if (tag.equals(Tag.INT)) {
            return parseInt(value);
        }
        if (tag.equals(Tag.FLOAT)) {
            String cleaned = value.replace("_", "");
            return switch (cleaned.toLowerCase(java.util.Locale.ROOT)) {
                case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
                case "-.inf" -> Double.NEGATIVE_INFINITY;
                case ".nan" -> Double.NaN;
                default -> {
                    try {
                        yield Double.parseDouble(cleaned);
                    } catch (NumberFormatException e) {
                        yield value;
                    }
                }
            };
        }
        return value;
    }

    private static Object parseInt(String value) {
        String cleaned = value.replace("_", "");
        try {
            BigInteger big;
            if (cleaned.startsWith("0x") || cleaned.startsWith("-0x")) {
                big = new BigInteger(cleaned.replace("0x", ""), 16);
            } else if (cleaned.startsWith("0o")) {
                big = new BigInteger(cleaned.substring(2), 8);
            } else if (cleaned.length() > 1 && cleaned.startsWith("0") && !cleaned.contains(":")) {
                big = new BigInteger(cleaned, 8);
            } else {
                big = new BigInteger(cleaned.startsWith("+") ? cleaned.substring(1) : cleaned);
            }
            if (big.bitLength() < 64) {
                return big.longValue();
            }
            return big;
        } catch (NumberFormatException e) {
            return value;
        }
    }
}
