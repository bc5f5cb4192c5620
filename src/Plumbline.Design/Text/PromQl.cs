namespace Plumbline.Design.Text;

/// <summary>The little of Prometheus's query language the design format checks: metric names and selectors.</summary>
public static class PromQl
{
    /// <summary>A Prometheus metric name: letters, digits, '_' and ':', not starting with a digit.</summary>
    public static bool IsMetricName(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || char.IsAsciiDigit(text[0]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or ':'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A metric name, optionally followed by one label selector in braces: <c>http_request_duration_seconds{job="edge"}</c>.
    /// The braces' content is checked only for balanced quotes and no line breaks; Prometheus checks the rest.
    /// </summary>
    public static bool IsSelector(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var brace = text.IndexOf('{', StringComparison.Ordinal);
        if (brace < 0)
        {
            return IsMetricName(text);
        }

        if (!IsMetricName(text[..brace]) || !text.EndsWith('}'))
        {
            return false;
        }

        var inQuotes = false;
        for (var i = brace + 1; i < text.Length - 1; i++)
        {
            var c = text[i];
            if (char.IsControl(c) || (!inQuotes && c is '{' or '}'))
            {
                return false;
            }

            if (inQuotes && c == '\\')
            {
                i++;
            }
            else if (c == '"')
            {
                inQuotes = !inQuotes;
            }
        }

        return !inQuotes;
    }
}
