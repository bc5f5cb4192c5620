using System.Globalization;
using System.Text;
using Plumbline.Analysis.Documents;
using Plumbline.Design.Model;
using Plumbline.Design.Text;
using Plumbline.Reporting.Cost;
using Plumbline.Reporting.Estimates;
using Plumbline.Reporting.Recovery;
using Plumbline.Reporting.Review;
using Plumbline.Reporting.Simulation;
using Plumbline.Reporting.Slo;
using Plumbline.Reporting.Terminal;
using Plumbline.Reporting.Threats;
using Plumbline.Simulation.Designs;

namespace Plumbline.Reporting.Document;

/// <summary>A piece of a design document: Markdown text, or the place the architecture diagram goes.</summary>
/// <param name="Markdown">The Markdown of this piece; empty for the diagram's place.</param>
/// <param name="IsDiagram">True for the diagram's place, which each output fills its own way (Mermaid in Markdown, SVG in HTML).</param>
public sealed record DocumentPart(string Markdown, bool IsDiagram);

/// <summary>How a document was asked for: the design file as named, and where rule pages live.</summary>
/// <param name="File">The design file as the user named it.</param>
/// <param name="Links">Where rule pages live; the build's default when null.</param>
public sealed record DocumentSettings(string File, RuleLinks? Links = null);

/// <summary>The simulation a document shows: each SLO's result per scenario and where they came from, and the run's whole report when it was run for the document.</summary>
public sealed record DocumentSimulation(SimulationSummary Summary, SimulationReport? Run = null);

/// <summary>
/// The design document as Markdown, in the order of the design process: requirements and open questions, outcomes
/// and trade-offs, API and data model, architecture (with the diagram), storage, resilience, scale estimates, SLOs and
/// alerting, security and threats, recovery, cost, validation by simulation, decisions, milestones, and the review's
/// findings by step. Each analysis section is its own command's Markdown renderer, its headings moved one level down,
/// so the document and the commands show the same figures. Text from the design file is escaped.
/// </summary>
public static class DocumentMarkdownRenderer
{
    /// <summary>The document's sections, in order: the numbered headings of the table of contents.</summary>
    public static readonly IReadOnlyList<string> Sections =
    [
        "Requirements and open questions", "Business outcomes and trade-offs", "API and data model", "Architecture",
        "Storage", "Resilience", "Scale estimates", "SLOs and alerting", "Security and threats", "Recovery", "Cost",
        "Validation by simulation", "Decisions", "Milestones", "Review findings by step",
    ];

    private static readonly HashSet<string> StorageTables = new(StringComparer.Ordinal) { "Storage", "Storage by owner", "Caches", "Queues" };
    private static readonly HashSet<string> ResilienceTables = new(StringComparer.Ordinal) { "Availability", "Retry amplification" };
    private static readonly HashSet<string> RecoveryTables = new(StringComparer.Ordinal) { "Recovery" };

    /// <summary>Writes the whole document as Markdown, the diagram as a Mermaid block when one is drawn.</summary>
    public static void Write(TextWriter writer, DesignDocument document, DocumentSimulation? simulation, DocumentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var diagram = DocumentDiagram.Mermaid(document);
        var sb = new StringBuilder();
        foreach (var part in Parts(document, simulation, settings))
        {
            if (!part.IsDiagram)
            {
                sb.Append(part.Markdown);
            }
            else if (diagram is not null)
            {
                sb.Append(Fence(diagram, "mermaid"));
            }
            else
            {
                sb.Append(DocumentDiagram.Missing).Append("\n\n");
            }
        }

        TerminalWriter.Over(writer).Write(sb.ToString());
    }

    /// <summary>The document as pieces of Markdown around the diagram's place, for a renderer that draws the diagram itself.</summary>
    public static IReadOnlyList<DocumentPart> Parts(DesignDocument document, DocumentSimulation? simulation, DocumentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(settings);
        var design = document.Design;
        var sb = new StringBuilder();
        sb.Append("# Design: ").Append(E(design.System.Name)).Append("\n\n");
        if (design.System.Summary is { } summary)
        {
            sb.Append(E(summary)).Append("\n\n");
        }

        sb.Append("Design file: `").Append(Code(settings.File)).Append('`');
        if (!design.System.Owners.IsEmpty)
        {
            sb.Append(". Owners: ").Append(E(string.Join(", ", design.System.Owners)));
        }

        sb.Append(".\n\n");
        Requirements(sb, design);
        Business(sb, design);
        ApiAndData(sb, design);
        sb.Append(Heading(4)).Append("The components and how they call each other, drawn from the design");
        sb.Append(" (`plumbline diagram` draws it alone, with other views).\n\n");
        var before = sb.ToString();
        sb.Clear();
        Architecture(sb, design);
        Storage(sb, document);
        Resilience(sb, document);
        Scale(sb, document);
        Embedded(sb, 8, w => SloMarkdownRenderer.Write(w, document.Slo));
        Embedded(sb, 9, w => ThreatMarkdownRenderer.Write(w, document.Threats, settings.File));
        Embedded(sb, 10, w => RecoveryMarkdownRenderer.Write(w, document.Recovery, explain: false));
        Embedded(sb, 11, w => CostMarkdownRenderer.Write(w, document.Cost, explain: false));
        Simulation(sb, simulation);
        Decisions(sb, design);
        Milestones(sb, design);
        Embedded(sb, 15, w => ReviewMarkdownRenderer.Write(w, document.Review, settings.File, settings.Links));
        return [new DocumentPart(before, false), new DocumentPart(string.Empty, true), new DocumentPart(sb.ToString(), false)];
    }

    /// <summary>Text from a design file, escaped so Markdown shows it as written (no markup, links or HTML).</summary>
    public static string E(string text) => ReviewMarkdownRenderer.Escape(text);

    /// <summary>The numbered heading of section <paramref name="number"/> (from 1).</summary>
    private static string Heading(int number) => string.Create(CultureInfo.InvariantCulture, $"## {number}. {Sections[number - 1]}\n\n");

    private static void Requirements(StringBuilder sb, SystemDesign design)
    {
        var r = design.Requirements;
        sb.Append(Heading(1));
        Sub(sb, "Scope");
        List(sb, "In scope", r.Scope.In);
        List(sb, "Out of scope", r.Scope.Out);
        List(sb, "Success criteria", r.Scope.SuccessCriteria);
        if (r.Scope.In.IsEmpty && r.Scope.Out.IsEmpty && r.Scope.SuccessCriteria.IsEmpty)
        {
            sb.Append("The design states no scope.\n\n");
        }

        Sub(sb, "Users and growth");
        var users = new List<string>();
        Add(users, "Monthly active users", r.Users.MonthlyActive?.ToString());
        Add(users, "Daily active users", r.Users.DailyActive?.ToString());
        Add(users, "Peak concurrent users", r.Users.PeakConcurrent?.ToString());
        Add(users, "Growth", r.Growth?.ToString());
        Add(users, "Peak to average", r.PeakToAverage is { } p ? Quantities.Significant(p) + "x" : null);
        Add(users, "Budget", r.Constraints.Budget?.ToString());
        Add(users, "Deadline", r.Constraints.Deadline is { } d ? Date(d) : null);
        Add(users, "Compliance", r.Constraints.Compliance.IsEmpty ? null : string.Join(", ", r.Constraints.Compliance));
        foreach (var other in r.Constraints.Other)
        {
            users.Add("Constraint: " + E(other));
        }

        Bullets(sb, users, "The design states no users, growth or constraints.");
        if (!r.Personas.IsEmpty)
        {
            Sub(sb, "Personas");
            Table(sb, ["Persona", "Who", "Workflows", "Failure tolerance"], r.Personas.Select(x => new[]
            {
                x.Name, x.Description ?? "-", x.Workflows.IsEmpty ? "-" : string.Join(", ", x.Workflows), x.FailureTolerance is { } t ? EnumNames.Text(t) : "-",
            }));
        }

        if (!r.EdgeCases.IsEmpty)
        {
            Sub(sb, "Edge cases");
            Bullets(sb, r.EdgeCases.Select(E), string.Empty);
        }

        if (!r.Dependencies.IsEmpty)
        {
            Sub(sb, "Dependencies");
            Table(sb, ["Dependency", "Direction", "SLA", "Owner", "Component"], r.Dependencies.Select(x => new[]
            {
                x.Name, EnumNames.Text(x.Direction), x.Sla?.ToString() ?? "-", x.Owner ?? "-", x.Component ?? "-",
            }));
        }

        Sub(sb, "Open questions");
        var open = r.OpenQuestions.Where(q => q.IsOpen).ToList();
        var answered = r.OpenQuestions.Where(q => !q.IsOpen).ToList();
        if (open.Count == 0)
        {
            sb.Append("No question is open.\n\n");
        }
        else
        {
            Table(sb, ["Open question", "Owner", "Due"], open.Select(q => new[] { q.Question, q.Owner ?? "-", q.Due is { } due ? Date(due) : "-" }));
        }

        if (answered.Count > 0)
        {
            Table(sb, ["Answered question", "Answer", "Owner"], answered.Select(q => new[] { q.Question, q.Answer ?? "-", q.Owner ?? "-" }));
        }
    }

    private static void Business(StringBuilder sb, SystemDesign design)
    {
        var b = design.Business;
        sb.Append(Heading(2));
        if (b.Outcomes.IsEmpty && b.Metrics.IsEmpty && b.Tradeoffs.IsEmpty && b.Stakeholders.IsEmpty)
        {
            sb.Append("The design states no business outcomes or trade-offs.\n\n");
            return;
        }

        if (!b.Outcomes.IsEmpty)
        {
            Sub(sb, "Outcomes");
            Table(sb, ["Outcome", "Kind", "What", "Measured by"], b.Outcomes.Select(o => new[]
            {
                o.Name, o.Kind is { } k ? EnumNames.Text(k) : "-", o.Description ?? "-", o.Metrics.IsEmpty ? "-" : string.Join(", ", o.Metrics),
            }));
        }

        if (!b.Metrics.IsEmpty)
        {
            Sub(sb, "Metrics");
            Table(sb, ["Metric", "Target", "What", "Owner"], b.Metrics.Select(m => new[] { m.Name, m.Target ?? "-", m.Description ?? "-", m.Owner ?? "-" }));
        }

        if (!b.Tradeoffs.IsEmpty)
        {
            Sub(sb, "Trade-offs");
            Table(sb, ["Choice", "Gains", "Costs", "Impact", "Risk", "Stakeholders"], b.Tradeoffs.Select(t => new[]
            {
                t.Choice, t.Gains ?? "-", t.Costs ?? "-", t.Impact ?? "-", t.Risk is { } risk ? EnumNames.Text(risk) : "-",
                t.Stakeholders.IsEmpty ? "-" : string.Join(", ", t.Stakeholders),
            }));
        }

        if (!b.Stakeholders.IsEmpty)
        {
            Sub(sb, "Stakeholders");
            Table(sb, ["Stakeholder", "Priorities"], b.Stakeholders.Select(s => new[] { s.Name, string.Join("; ", s.Priorities) }));
        }
    }

    private static void ApiAndData(StringBuilder sb, SystemDesign design)
    {
        sb.Append(Heading(3));
        Sub(sb, "API");
        if (design.Api.Endpoints.IsEmpty)
        {
            sb.Append("The design states no API endpoints.\n\n");
        }
        else
        {
            var versioning = design.Api.Versioning is { } v ? $", versioned by {EnumNames.Words(v)}" : string.Empty;
            if (design.Api.Version is { } version)
            {
                sb.Append("Version ").Append(E(version)).Append(E(versioning)).Append(".\n\n");
            }

            Table(sb, ["Endpoint", "Method and route", "Workflow", "Auth", "Idempotency", "Rate limit", "Reads", "Writes"], design.Api.Endpoints.Select(e => new[]
            {
                e.Name, e.Method + " " + e.Route, e.Workflow ?? "-", e.Auth is { } a ? EnumNames.Text(a) : "-", e.Idempotency is { } i ? EnumNames.Text(i) : "-",
                e.RateLimits.IsEmpty ? "-" : string.Join(", ", e.RateLimits), e.Reads.IsEmpty ? "-" : string.Join(", ", e.Reads), e.Writes.IsEmpty ? "-" : string.Join(", ", e.Writes),
            }));
        }

        Sub(sb, "Data model");
        if (design.Data.IsEmpty)
        {
            sb.Append("The design states no entities.\n\n");
            return;
        }

        Table(sb, ["Entity", "Owner", "Record", "New records", "Retention", "Classification", "Consistency", "Access"], design.Data.Select(d => new[]
        {
            d.Name + (d.Pii ? " (PII)" : string.Empty), d.Owner ?? "-", d.RecordSize?.ToString() ?? "-", d.NewRecords?.ToString() ?? "-",
            d.RetainForever ? "forever" : d.Retention?.ToString() ?? "-", d.Classification is { } c ? EnumNames.Text(c) : "-",
            d.Consistency is { } k ? EnumNames.Text(k) : "-", d.Access.IsEmpty ? "-" : string.Join("; ", d.Access.Select(a => a.Text)),
        }));
    }

    private static void Architecture(StringBuilder sb, SystemDesign design)
    {
        Sub(sb, "Components");
        Table(sb, ["Component", "Kind", "Engine", "Instances", "Zones", "Owner", "What"], design.Components.Select(c => new[]
        {
            c.Name, EnumNames.Words(c.Kind), c.Engine ?? "-",
            Quantities.Count(c.Instances) + (c.Replicas > 0 ? " + " + Quantities.Count(c.Replicas) + " replicas" : string.Empty),
            c.Zones.IsEmpty ? "-" : string.Join(", ", c.Zones), c.Owner ?? "-", c.Description ?? "-",
        }));
        Sub(sb, "Workflows");
        Table(sb, ["Workflow", "Type", "Criticality", "Entry", "Rate", "Peak rate", "What"], design.Workflows.Select(w => new[]
        {
            w.Name, EnumNames.Text(w.Type), EnumNames.Text(w.Criticality), w.Entry.ToString(),
            w.Rate?.ToString() ?? w.PerUser?.ToString() + " per user", w.PeakRate?.ToString() ?? "-", w.Description ?? "-",
        }));
    }

    private static void Storage(StringBuilder sb, DesignDocument document)
    {
        sb.Append(Heading(5));
        var stores = document.Design.Components.Where(c => c.IsStateful).ToList();
        if (stores.Count > 0)
        {
            Sub(sb, "Stores");
            Table(sb, ["Store", "Kind", "Engine", "Model", "Shard key", "Entities"], stores.Select(c => new[]
            {
                c.Name, EnumNames.Words(c.Kind), c.Engine ?? "-", c.Model is { } m ? EnumNames.Text(m) : "-", c.ShardKey ?? "-",
                Join(document.Design.Data.Where(d => d.Owner == c.Name).Select(d => d.Name)),
            }));
        }

        EstimateTables(sb, document, StorageTables.Contains);
    }

    private static void Resilience(StringBuilder sb, DesignDocument document)
    {
        sb.Append(Heading(6));
        var calls = document.Design.Components.SelectMany(c => c.Operations).SelectMany(o => o.Calls).ToList();
        if (calls.Count > 0)
        {
            Sub(sb, "Calls");
            Table(sb, ["From", "To", "How", "Timeout", "Retries", "Circuit breaker", "Fallback"], calls.Select(c => new[]
            {
                c.From, c.To.ToString(), c.Async ? "async" : "sync", c.Timeout?.ToString() ?? "-",
                c.Retries is { } r ? Quantities.Count(r.Max) + (r.Backoff is { } b ? ", " + EnumNames.Text(b) : string.Empty) : "-",
                c.CircuitBreaker is { } cb ? $"opens at {cb.FailureRate} over {cb.Window}" : "-", c.Fallback ?? "-",
            }));
        }

        EstimateTables(sb, document, ResilienceTables.Contains);
    }

    private static void Scale(StringBuilder sb, DesignDocument document)
    {
        sb.Append(Heading(7));
        sb.Append(E(EstimateSections.Calendar(document.Estimate))).Append("\n\n");
        EstimateTables(sb, document, t => !StorageTables.Contains(t) && !ResilienceTables.Contains(t) && !RecoveryTables.Contains(t));
        sb.Append("**Egress to the internet:** ").Append(E(Formatting.FigureText.Format(document.Estimate.InternetEgress))).Append("\n\n");
        if (!document.Estimate.Notes.IsEmpty)
        {
            Sub(sb, "Notes");
            Bullets(sb, document.Estimate.Notes.Select(E), string.Empty);
        }
    }

    private static void EstimateTables(StringBuilder sb, DesignDocument document, Func<string, bool> which)
    {
        // Each table starts with its own blank line.
        while (sb.Length >= 2 && sb[^1] == '\n' && sb[^2] == '\n')
        {
            sb.Length--;
        }

        using var writer = new StringWriter(sb, CultureInfo.InvariantCulture) { NewLine = "\n" };
        foreach (var section in EstimateSections.Build(document.Estimate).Where(s => which(s.Title)))
        {
            EstimateMarkdownRenderer.WriteSection(writer, section, explain: false, "###");
        }

        writer.Flush();
        sb.Append('\n');
    }

    /// <summary>Another command's Markdown as section <paramref name="number"/>: its title line dropped, its headings one level down.</summary>
    private static void Embedded(StringBuilder sb, int number, Action<TextWriter> render)
    {
        sb.Append(Heading(number));
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        render(writer);
        var lines = writer.ToString().ReplaceLineEndings("\n").Split('\n');
        var first = lines.Length > 0 && lines[0].StartsWith("# ", StringComparison.Ordinal) ? 1 : 0;
        while (first < lines.Length && lines[first].Length == 0)
        {
            first++;
        }

        foreach (var line in lines.Skip(first))
        {
            sb.Append(line.StartsWith('#') ? "#" + line : line).Append('\n');
        }

        while (sb.Length > 2 && sb[^1] == '\n' && sb[^2] == '\n')
        {
            sb.Length--;
        }

        sb.Append('\n');
    }

    private static void Simulation(StringBuilder sb, DocumentSimulation? simulation)
    {
        sb.Append(Heading(12));
        if (simulation is null)
        {
            sb.Append("Not simulated for this document: `plumbline report --simulate` runs the simulation into it, `--simulation FILE` shows ");
            sb.Append("the results `plumbline simulate --format json` wrote, and `plumbline simulate` runs it alone.\n\n");
            return;
        }

        var summary = simulation.Summary;
        sb.Append("Figures from ").Append(E(summary.Source)).Append(".\n\n");
        if (summary.Slos.IsEmpty)
        {
            sb.Append("The simulation judged no SLO.\n\n");
        }
        else
        {
            var broken = summary.Slos.Count(s => s.Expected && !s.Met);
            sb.Append(broken == 0 ? "Every scenario met the SLOs it expects.\n\n" : string.Create(CultureInfo.InvariantCulture, $"**{broken} expected SLO{(broken == 1 ? " was" : "s were")} broken.**\n\n"));
            Table(sb, ["Scenario", "SLO", "Workflow", "SLI", "Objective", "Achieved", "Met", "Expected"], summary.Slos.Select(s => new[]
            {
                s.Scenario, s.Slo, s.Workflow, s.Sli, Quantities.Availability(s.Objective), Quantities.Availability(s.Achieved), s.Met ? "yes" : "no", s.Expected ? "yes" : "no",
            }));
        }

        if (simulation.Run is { } run)
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            SimulationTextRenderer.Write(writer, run);
            sb.Append(Fence(writer.ToString(), "text"));
        }
    }

    private static void Decisions(StringBuilder sb, SystemDesign design)
    {
        sb.Append(Heading(13));
        if (design.Decisions.IsEmpty)
        {
            sb.Append("The design records no decisions.\n\n");
            return;
        }

        foreach (var d in design.Decisions)
        {
            sb.Append("### ").Append(E(d.Id)).Append(": ").Append(E(d.Title)).Append("\n\n");
            var lines = new List<string> { "Status: " + EnumNames.Text(d.Status) + (d.Date is { } date ? ", " + Date(date) : string.Empty) };
            Add(lines, "Context", d.Context);
            Add(lines, "Options", d.Options.IsEmpty ? null : string.Join("; ", d.Options));
            Add(lines, "Chosen", d.Chosen);
            Add(lines, "Consequences", d.Consequences);
            Bullets(sb, lines, string.Empty);
        }
    }

    private static void Milestones(StringBuilder sb, SystemDesign design)
    {
        sb.Append(Heading(14));
        if (design.Milestones.IsEmpty)
        {
            sb.Append("The design states no milestones.\n\n");
            return;
        }

        Table(sb, ["Milestone", "Stage", "Due", "OKR", "Deliverables"], design.Milestones.Select(m => new[]
        {
            m.Name, m.Stage ?? "-", m.Due is { } due ? Date(due) : "-", m.Okr ?? "-", m.Deliverables.IsEmpty ? "-" : string.Join("; ", m.Deliverables),
        }));
    }

    private static void Sub(StringBuilder sb, string title) => sb.Append("### ").Append(title).Append("\n\n");

    /// <summary>A labelled list of the design's strings, as one bullet per item under a bold label.</summary>
    private static void List(StringBuilder sb, string label, IReadOnlyCollection<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        sb.Append("**").Append(label).Append(":**\n\n");
        Bullets(sb, items.Select(E), string.Empty);
    }

    /// <summary>Adds "label: value" (the value escaped) when there is a value.</summary>
    private static void Add(List<string> lines, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            lines.Add(label + ": " + E(value));
        }
    }

    /// <summary>Bullets of already-escaped lines, or <paramref name="none"/> when there are none.</summary>
    private static void Bullets(StringBuilder sb, IEnumerable<string> escaped, string none)
    {
        var any = false;
        foreach (var line in escaped)
        {
            sb.Append("- ").Append(line).Append('\n');
            any = true;
        }

        if (any)
        {
            sb.Append('\n');
        }
        else if (none.Length > 0)
        {
            sb.Append(none).Append("\n\n");
        }
    }

    /// <summary>A table whose every cell is text from the design (escaped here).</summary>
    private static void Table(StringBuilder sb, string[] headers, IEnumerable<string[]> rows)
    {
        sb.Append("| ").Append(string.Join(" | ", headers)).Append(" |\n|").Append(string.Concat(headers.Select(_ => "---|"))).Append('\n');
        foreach (var row in rows)
        {
            sb.Append("| ").Append(string.Join(" | ", row.Select(E))).Append(" |\n");
        }

        sb.Append('\n');
    }

    private static string Join(IEnumerable<string> items)
    {
        var text = string.Join(", ", items);
        return text.Length == 0 ? "-" : text;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Text inside a code span: backticks cannot be escaped there, so they become quotes.</summary>
    private static string Code(string text) => text.Replace('`', '\'').Replace('\n', ' ');

    /// <summary>A fenced block that no run of backticks inside the text can close.</summary>
    internal static string Fence(string text, string info)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', Math.Max(3, longest + 1));
        return fence + info + "\n" + text.TrimEnd('\n') + "\n" + fence + "\n\n";
    }
}
