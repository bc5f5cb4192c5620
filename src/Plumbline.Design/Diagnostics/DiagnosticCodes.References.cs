using Plumbline.Design.Text;

namespace Plumbline.Design.Diagnostics;

/// <summary>PL3xxx: references between sections, and the call graph.</summary>
public static partial class DiagnosticCodes
{
    /// <summary>PL3001: a name that does not resolve to anything of the kind it must be.</summary>
    public static Diagnostic UnknownReference(SourceSpan span, string path, string what, string name, IEnumerable<string> known, string whereDefined)
    {
        var suggestion = Suggestions.Closest(name, known);
        var help = suggestion is not null
            ? $"did you mean '{suggestion}'?"
            : $"define it under {whereDefined}, or fix the name";
        return Error("PL3001", span, path, $"unknown {what} '{name}'", help);
    }

    /// <summary>PL3002: a component.operation whose component exists but has no such operation.</summary>
    public static Diagnostic UnknownOperation(SourceSpan span, string path, string component, string operation, IEnumerable<string> known)
    {
        var list = known.ToList();
        var suggestion = Suggestions.Closest(operation, list);
        var help = suggestion is not null
            ? $"did you mean '{component}.{suggestion}'?"
            : list.Count == 0
                ? $"'{component}' has no operations; add one under components.{component}.operations"
                : $"'{component}' has: {string.Join(", ", list)}";
        return Error("PL3002", span, path, $"component '{component}' has no operation '{operation}'", help);
    }

    /// <summary>PL3003: synchronous calls that form a cycle.</summary>
    public static Diagnostic SyncCycle(SourceSpan span, string path, IReadOnlyList<string> cycle) =>
        Error("PL3003", span, path, $"synchronous calls form a cycle: {string.Join(" -> ", cycle)}",
            "a request would wait on itself; make one of these calls async, or remove it");

    /// <summary>PL3004: a zone named in a fault that no component runs in.</summary>
    public static Diagnostic UnknownZone(SourceSpan span, string path, string zone, IEnumerable<string> known)
    {
        var list = known.ToList();
        var suggestion = Suggestions.Closest(zone, list);
        return Error("PL3004", span, path, $"no component runs in zone '{zone}'",
            suggestion is not null ? $"did you mean '{suggestion}'?" : list.Count == 0 ? "no component lists zones" : $"zones in the design: {string.Join(", ", list)}");
    }

    /// <summary>PL3007: a component's zone that no region lists, in a design that lists regions.</summary>
    public static Diagnostic ZoneOutsideRegions(SourceSpan span, string path, string zone, IEnumerable<string> known)
    {
        var list = known.ToList();
        var suggestion = Suggestions.Closest(zone, list);
        return Error("PL3007", span, path, $"zone '{zone}' is not a zone of any region",
            suggestion is not null ? $"did you mean '{suggestion}'?" : $"add it to a region's zones under regions (zones listed: {string.Join(", ", list)})");
    }

    /// <summary>PL3020: a design past one of its limits (<see cref="Loading.DesignLimits"/>): more components, operations, workflows, deliveries or nested calls than analysis is bounded for.</summary>
    public static Diagnostic DesignLimit(SourceSpan span, string path, string message, string help) =>
        Error("PL3020", span, path, message, help + " (limits: docs/format.md, Limits for untrusted input)");
}
