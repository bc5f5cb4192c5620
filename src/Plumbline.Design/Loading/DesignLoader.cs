using System.Collections.Immutable;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Loading.Binding;
using Plumbline.Design.Model;
using Plumbline.Design.Text;
using Plumbline.Design.Validation;
using Plumbline.Design.Yaml;

namespace Plumbline.Design.Loading;

/// <summary>
/// Reads a design held in memory (reading files is the engine's part): safe YAML, then binding to the
/// model with shape, type and unit checks, then reference and call-graph checks, then the design limits. Never throws on bad input: every problem is a diagnostic.
/// </summary>
public static class DesignLoader
{
    public static LoadResult LoadText(string path, string text, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var read = SafeYamlReader.ReadText(path, text, (options ?? LoadOptions.Default).Limits);
        return Load(read, options?.DesignLimits);
    }

    public static LoadResult LoadBytes(string path, ReadOnlySpan<byte> bytes, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var read = SafeYamlReader.Read(path, bytes, (options ?? LoadOptions.Default).Limits);
        return Load(read, options?.DesignLimits);
    }

    /// <summary>
    /// Binds and validates a file already read as YAML (the engine reads files from disk, bounded), within
    /// <paramref name="limits"/> (<see cref="DesignLimits.Default"/> when null).
    /// </summary>
    public static LoadResult Load(YamlReadResult read, DesignLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (read.Root is null || read.Source is null || read.Diagnostics.Any(d => d.IsError))
        {
            return Result(null, read.Source, read.Diagnostics, OmittedDiagnostics.None);
        }

        var context = new BindContext(read.Source, read.Root);
        var design = DesignBinder.Bind(read.Root, context);
        if (design is not null)
        {
            ReferenceValidator.Validate(design, context);
            CallGraphValidator.Validate(design, context);
            DesignLimitsValidator.Validate(design, context, limits ?? DesignLimits.Default);
        }

        return Result(design, read.Source, read.Diagnostics.AddRange(context.Diagnostics), context.Omitted);
    }

    /// <summary>The result with its diagnostics in file order, at most <see cref="DiagnosticLimits.MaxListed"/> of them.</summary>
    private static LoadResult Result(SystemDesign? design, SourceText? source, ImmutableArray<Diagnostic> diagnostics, OmittedDiagnostics omitted)
    {
        var (listed, left) = DiagnosticLimits.Cap(diagnostics);
        return new LoadResult(design, source, listed) { Omitted = omitted.Add(left) };
    }
}
