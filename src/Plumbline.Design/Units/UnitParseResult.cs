using System.Diagnostics.CodeAnalysis;

namespace Plumbline.Design.Units;

/// <summary>
/// The outcome of parsing a unit value from design-file text: the value, or one sentence saying
/// what was expected. Parsing never throws on bad input; the caller turns <see cref="Error"/> into a
/// positioned diagnostic.
/// </summary>
/// <typeparam name="T">The unit type parsed.</typeparam>
/// <param name="Value">The parsed value; <c>default</c> when parsing failed.</param>
/// <param name="Error">Null on success; otherwise a message from <see cref="UnitErrors"/>.</param>
public readonly record struct UnitParseResult<T>(T Value, string? Error)
{
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Error is null;

    /// <summary>The value, for <c>if (result.TryGetValue(out var v))</c> call sites.</summary>
    public bool TryGetValue(out T value)
    {
        value = Value;
        return Success;
    }

    /// <summary>The value, or a <see cref="FormatException"/> carrying <see cref="Error"/>; for tests and literals known to be valid.</summary>
    public T GetValueOrThrow() => Success ? Value : throw new FormatException(Error);
}

/// <summary>Builds <see cref="UnitParseResult{T}"/>s.</summary>
public static class UnitParseResult
{
    public static UnitParseResult<T> Ok<T>(T value) => new(value, null);

    public static UnitParseResult<T> Fail<T>(string error)
    {
        ArgumentException.ThrowIfNullOrEmpty(error);
        return new(default!, error);
    }
}
