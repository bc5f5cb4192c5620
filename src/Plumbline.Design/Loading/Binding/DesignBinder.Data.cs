using System.Collections.Immutable;
using System.Globalization;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Model;
using Plumbline.Design.Text;
using Plumbline.Design.Units;
using Plumbline.Design.Yaml;

namespace Plumbline.Design.Loading.Binding;

/// <summary><c>data</c>: entities, their sizes, growth, retention and access patterns.</summary>
internal static partial class DesignBinder
{
    private static ImmutableArray<Entity> ReadData(MapReader root, BindContext context) =>
        ReadNamedList(root, "data", "entity", "entity", "entity", context, m =>
        {
            Duration? retention = null;
            var forever = false;
            if (m.Scalar("retention") is { } r)
            {
                if (r.Value == "forever")
                {
                    forever = true;
                }
                else
                {
                    retention = MapReader.ParseUnit(r, m.ChildPath("retention"), Duration.Parse, context);
                }
            }

            return new Entity(
                m.RequiredName("entity", "the entity's name, such as Link", "entity"),
                m.String("description"),
                m.String("owner"),
                m.Size("record_size"),
                m.Rate("new_records"),
                m.Count("initial_records"),
                retention,
                forever,
                m.Enum<Classification>("classification"),
                m.Bool("pii") ?? false,
                ReadAccessPatterns(m, context),
                m.Enum<Consistency>("consistency"),
                m.String("source"),
                m.Path)
            {
                Recovery = ReadRecoveryTargets(m),
                Durability = m.Percent("durability"),
                AtRest = m.String("at_rest"),
                Audit = m.Enum<AuditScope>("audit"),
                Erasure = m.String("erasure"),
                DerivedFrom = m.StringList("derived_from"),
                Skew = ReadSkew(m, context),
            };
        });

    private static ImmutableArray<AccessPattern> ReadAccessPatterns(MapReader m, BindContext context)
    {
        var builder = ImmutableArray.CreateBuilder<AccessPattern>();
        var patterns = m.StringList("access", allowSingle: true);
        for (var i = 0; i < patterns.Length; i++)
        {
            var text = patterns[i].Trim();
            var open = text.IndexOf('(', StringComparison.Ordinal);
            var kindText = open < 0 ? text : text[..open].Trim();
            var fields = ImmutableArray<string>.Empty;
            var wellFormed = open < 0 || (text.EndsWith(')') && text.IndexOf('(', open + 1) < 0);
            if (open >= 0 && wellFormed)
            {
                fields = [.. text[(open + 1)..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
            }

            if (wellFormed && EnumNames<AccessPatternKind>.TryParse(kindText, out var kind))
            {
                builder.Add(new AccessPattern(kind, fields, text));
                continue;
            }

            var path = m.ChildPath("access") + (m.Node("access") is YamlSequence ? "/" + i.ToString(CultureInfo.InvariantCulture) : string.Empty);
            context.Report(DiagnosticCodes.InvalidAccessPattern(
                context.BuildSpan(path), path, text, EnumNames<AccessPatternKind>.Names,
                Suggestions.Closest(kindText, EnumNames<AccessPatternKind>.Names)));
        }

        return builder.ToImmutable();
    }
}
