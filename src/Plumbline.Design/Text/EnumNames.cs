using System.Collections.Frozen;
using System.Text;

namespace Plumbline.Design.Text;

/// <summary>The snake_case names an enum is written with in a design file (<c>ApiKey</c> is <c>api_key</c>).</summary>
internal static class EnumNames<T>
    where T : struct, Enum
{
    private static readonly FrozenDictionary<string, T> ByName =
        Enum.GetValues<T>().ToFrozenDictionary(EnumNames.ToSnake, v => v, StringComparer.Ordinal);

    private static readonly FrozenDictionary<T, string> ByValue =
        Enum.GetValues<T>().ToFrozenDictionary(v => v, EnumNames.ToSnake);

    /// <summary>Every name, in declaration order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Enum.GetValues<T>().Select(EnumNames.ToSnake)];

    public static bool TryParse(string text, out T value) => ByName.TryGetValue(text, out value);

    public static string Name(T value) => ByValue[value];
}

/// <summary>
/// Conversions between C# enum member names and the file's snake_case names: the one way an enum value is
/// printed (<c>ObjectStore</c> is <c>object_store</c>, as the file says it) in messages, reports and files.
/// </summary>
public static class EnumNames
{
    /// <summary>The value as the design file writes it: <c>ComponentKind.ObjectStore</c> is <c>object_store</c>.</summary>
    public static string Text<T>(T value)
        where T : struct, Enum => EnumNames<T>.Name(value);

    /// <summary>The value as words, for tables and prose: <c>ComponentKind.ObjectStore</c> is "object store".</summary>
    public static string Words<T>(T value)
        where T : struct, Enum => Text(value).Replace('_', ' ');

    /// <summary>Every value's name as the design file writes it, in declaration order.</summary>
    public static IReadOnlyList<string> NamesOf<T>()
        where T : struct, Enum => EnumNames<T>.Names;

    /// <summary>The value the file's <paramref name="text"/> names, if any (exact snake_case).</summary>
    public static bool TryParse<T>(string text, out T value)
        where T : struct, Enum => EnumNames<T>.TryParse(text, out value);

    /// <summary>PascalCase to snake_case, keeping runs of capitals together (<c>OAuth</c> is <c>oauth</c>).</summary>
    public static string ToSnake<T>(T value)
        where T : struct, Enum => ToSnake(value.ToString());

    public static string ToSnake(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && char.IsLower(name[i - 1]))
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }
}
