using Plumbline.Analysis.Explain;
using Plumbline.Reporting.Formatting;

namespace Plumbline.Reporting.Estimates;

/// <summary>Writes a figure's derivation as indented lines: the formula, then each input with its source.</summary>
internal static class ExplanationWriter
{
    /// <summary>At most this many inputs are listed, so a hub component's explanation stays readable.</summary>
    public const int MaxInputs = 12;

    public static IEnumerable<string> Lines(Figure figure)
    {
        // A figure that is one input as stated says so in one line: "average rate = 3.8/s (line 78, ...)".
        if (figure.Inputs.Length == 1 && figure.Formula == figure.Inputs[0].Name && figure.IsKnown)
        {
            yield return $"{figure.Name} = {FigureText.Format(figure)}  ({Source(figure.Inputs[0])})";
            yield break;
        }

        yield return $"{figure.Name} = {figure.Formula}" + (figure.IsKnown ? $" = {FigureText.Format(figure)}" : string.Empty);
        foreach (var input in figure.Inputs.Take(MaxInputs))
        {
            yield return $"  {input.Name} = {FigureText.Format(input.Value, input.Unit)}  ({Source(input)})";
        }

        if (figure.Inputs.Length > MaxInputs)
        {
            yield return $"  ... and {figure.Inputs.Length - MaxInputs} more (see --format json)";
        }
    }

    /// <summary>"line 40, /workflows/write-paste/rate", "default", "option", or "derived".</summary>
    public static string Source(FigureInput input) =>
        input.Line > 0 ? $"line {input.Line}, {input.Source}" : input.Source;
}
