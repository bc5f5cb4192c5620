using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Plumbline.Design.Yaml;

namespace Plumbline.Analysis.Review.Custom;

/// <summary>
/// A finding's message with placeholders: <c>{name}</c> (the subject), <c>{path}</c> (the element's design
/// path) and <c>{field}</c> or <c>{nested.field}</c> (the field's value as written, "(none)" when absent).
/// Any other brace is literal text.
/// </summary>
internal sealed partial record MessageTemplate(string Text, ImmutableArray<MessageTemplate.Part> Parts)
{
    /// <summary>Literal text, or a placeholder (then <see cref="Field"/> is set).</summary>
    internal sealed record Part(string Literal, string? Placeholder, FieldPath? Field, int Offset);

    public static MessageTemplate Parse(string text)
    {
        var parts = ImmutableArray.CreateBuilder<Part>();
        var at = 0;
        foreach (Match match in PlaceholderPattern().Matches(text))
        {
            if (match.Index > at)
            {
                parts.Add(new Part(text[at..match.Index], null, null, at));
            }

            var name = match.Groups[1].Value;
            parts.Add(new Part(match.Value, name, FieldPath.TryParse(name), match.Index));
            at = match.Index + match.Length;
        }

        if (at < text.Length)
        {
            parts.Add(new Part(text[at..], null, null, at));
        }

        return new MessageTemplate(text, parts.ToImmutable());
    }

    public string Render(YamlNode? element, RuleTarget target, RuleElement subject)
    {
        var sb = new StringBuilder();
        foreach (var part in Parts)
        {
            sb.Append(part switch
            {
                { Placeholder: null } => part.Literal,
                { Placeholder: "path" } => subject.Path,
                { Field: { } field } => Predicate.Show(field.Resolve(element, target, subject.Subject)),
                _ => part.Literal,
            });
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"\{([A-Za-z0-9_.-]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();
}
