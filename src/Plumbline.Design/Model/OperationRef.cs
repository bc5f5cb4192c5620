namespace Plumbline.Design.Model;

/// <summary>A reference written <c>component.operation</c>.</summary>
public readonly record struct OperationRef(string Component, string Operation)
{
    /// <summary>Splits at the last dot so component names may not contain dots, but operation names may not either.</summary>
    public static bool TryParse(string text, out OperationRef reference)
    {
        reference = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == text.Length - 1 || text.IndexOf('.', dot + 1) >= 0)
        {
            return false;
        }

        reference = new OperationRef(text[..dot], text[(dot + 1)..]);
        return true;
    }

    public override string ToString() => $"{Component}.{Operation}";
}
