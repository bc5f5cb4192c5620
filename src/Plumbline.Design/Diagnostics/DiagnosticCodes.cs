using Plumbline.Design.Text;

namespace Plumbline.Design.Diagnostics;

/// <summary>
/// The one catalogue of load and validation diagnostics, one method per code so codes never
/// collide and messages read alike. Split by area: PL1xxx reading and YAML syntax
/// (DiagnosticCodes.Syntax.cs), PL2xxx shape, types and units (DiagnosticCodes.Schema.cs),
/// PL3xxx references and the call graph (DiagnosticCodes.References.cs).
/// </summary>
public static partial class DiagnosticCodes
{
    private static Diagnostic Error(string code, SourceSpan span, string path, string message, string? help = null) =>
        new(code, DiagnosticSeverity.Error, span, path, message, help);

    private static Diagnostic Warning(string code, SourceSpan span, string path, string message, string? help = null) =>
        new(code, DiagnosticSeverity.Warning, span, path, message, help);
}
