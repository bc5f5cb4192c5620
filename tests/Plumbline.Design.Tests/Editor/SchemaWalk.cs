using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Plumbline.Design.Tests.Editor;

/// <summary>
/// Walks a YAML document beside the design schema and gives, for every mapping key, the description the
/// schema has for that field: the property's own (beside its $ref, the property's words win), found in
/// properties, a component's kind branches (allOf/then), an object alternative of a oneOf or anyOf, or
/// additionalProperties; sequences follow items. What an editor should show on hover. Each key comes with the
/// schema of its field, so a caller can look at each field once.
/// </summary>
internal static class SchemaWalk
{
    public static IEnumerable<(YamlScalarNode Key, JsonObject? Field, string? Description)> Keys(JsonObject root, YamlNode document)
    {
        var defs = root["$defs"]!.AsObject();
        return Walk(root, document, defs);
    }

    private static IEnumerable<(YamlScalarNode Key, JsonObject? Field, string? Description)> Walk(JsonObject schema, YamlNode node, JsonObject defs)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (keyNode, value) in mapping.Children)
                {
                    var key = (YamlScalarNode)keyNode;
                    var property = Property(schema, key.Value ?? string.Empty, value, defs);
                    yield return (key, property, property is null ? null : Description(property, defs));
                    if (property is not null && Resolve(property, defs, value) is { } inner)
                    {
                        foreach (var k in Walk(inner, value, defs))
                        {
                            yield return k;
                        }
                    }
                }

                break;
            case YamlSequenceNode sequence:
                if (Items(schema, defs) is { } items)
                {
                    foreach (var child in sequence.Children)
                    {
                        if (Resolve(items, defs, child) is { } resolved)
                        {
                            foreach (var k in Walk(resolved, child, defs))
                            {
                                yield return k;
                            }
                        }
                    }
                }

                break;
        }
    }

    /// <summary>The schema of a key of an object: properties, a then-branch's properties, an alternative's, or additionalProperties.</summary>
    private static JsonObject? Property(JsonObject schema, string key, YamlNode value, JsonObject defs)
    {
        var target = Deref(schema, defs);
        if (target["properties"]?[key] is JsonObject direct)
        {
            return direct;
        }

        foreach (var branch in (target["allOf"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (branch["then"]?["properties"]?[key] is JsonObject conditional)
            {
                return conditional;
            }
        }

        foreach (var alternative in Alternatives(target))
        {
            if (Property(alternative, key, value, defs) is { } found)
            {
                return found;
            }
        }

        return target["additionalProperties"] as JsonObject;
    }

    /// <summary>The object or array schema a value is checked against: the property itself, its $ref, or the alternative of its type.</summary>
    private static JsonObject? Resolve(JsonObject schema, JsonObject defs, YamlNode value)
    {
        var target = Deref(schema, defs);
        var wanted = value switch
        {
            YamlMappingNode => "object",
            YamlSequenceNode => "array",
            _ => null,
        };
        if (wanted is null)
        {
            return null;
        }

        if (TypeOf(target) == wanted)
        {
            return target;
        }

        return Alternatives(target).Select(a => Resolve(a, defs, value)).FirstOrDefault(r => r is not null);
    }

    private static JsonObject? Items(JsonObject schema, JsonObject defs) =>
        Deref(schema, defs)["items"] is JsonObject items ? items : null;

    private static IEnumerable<JsonObject> Alternatives(JsonObject schema) =>
        new[] { schema["oneOf"], schema["anyOf"] }.OfType<JsonArray>().SelectMany(a => a.OfType<JsonObject>());

    private static string? TypeOf(JsonObject schema) =>
        schema["type"] is JsonValue type ? type.GetValue<string>()
        : schema.ContainsKey("properties") || schema.ContainsKey("additionalProperties") ? "object"
        : schema.ContainsKey("items") ? "array"
        : null;

    private static JsonObject Deref(JsonObject schema, JsonObject defs) =>
        schema["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/$defs/", StringComparison.Ordinal)
            ? Deref(defs[reference["#/$defs/".Length..]]!.AsObject(), defs)
            : schema;

    private static string? Description(JsonObject schema, JsonObject defs) =>
        schema["description"]?.GetValue<string>() ?? (schema.ContainsKey("$ref") ? Description(Deref(schema, defs), defs) : null);
}
