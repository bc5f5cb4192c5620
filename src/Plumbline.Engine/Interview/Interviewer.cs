using System.Collections.Immutable;
using Plumbline.Design.Model;

namespace Plumbline.Engine.Interview;

/// <summary>
/// The requirement-brief interview behind <c>plumbline init</c>: scope, users, data, scale,
/// dependencies and business value, in that order. Each question shows an example and a default;
/// an empty answer (or the end of input) skips it, uses the default and keeps the question open.
/// A wrong answer is explained and asked again, up to three times.
/// </summary>
public sealed class Interviewer(TextReader input, TextWriter output)
{
    private const int MaxAttempts = 3;

    private readonly List<string> _open = [];
    private bool _endOfInput;

    public RequirementBrief Run()
    {
        output.WriteLine("Answer a few questions from the requirement brief. Press Enter to skip one: its default");
        output.WriteLine("is used and the question is kept in requirements.open_questions for later.");

        Section("The system");
        var name = Ask("System name", "url-shortener", "my-system",
            "What is the system called?", AnswerParsers.Name, "my-system");
        var summary = Ask("What does it do, in one line?", "Create short links and redirect visitors to the long URL.",
            "(none)", "What does the system do, in one line?", AnswerParsers.Text, "");

        Section("Scope");
        var scopeIn = AskList("What is in scope? (separate items with commas)", "shorten a URL, redirect, daily click counts per link",
            "What is in scope?");
        var scopeOut = AskList("What is out of scope?", "custom domains, user accounts", "What is out of scope?");
        var success = AskList("How will you judge success? (separate with semicolons)",
            "99.95% of redirects succeed over 30 days; a link is created in under a second", "How will we judge success?");

        Section("Users");
        var personaNames = AskList("Who are the primary personas?", "visitor, marketer", "Who are the primary users (personas)?");
        var personas = ImmutableArray.CreateBuilder<PersonaAnswer>();
        if (personaNames.IsEmpty)
        {
            personas.Add(new PersonaAnswer("user", "use", FailureTolerance.Medium));
        }

        foreach (var persona in personaNames)
        {
            var fallback = AnswerParsers.Slug(persona) is { Length: > 0 } slug && char.IsAsciiLetter(slug[0]) ? slug + "-flow" : "use";
            var (workflow, tolerance) = Ask($"{persona}: top workflow, and failure tolerance (low, medium or high)?",
                "redirect, low", $"{fallback}, medium",
                $"What is the top workflow of {persona}, and how much failure does it tolerate?",
                AnswerParsers.PersonaDetail, (fallback, FailureTolerance.Medium));
            personas.Add(new PersonaAnswer(persona, workflow ?? fallback, tolerance ?? FailureTolerance.Medium));
        }

        Section("Data");
        var entityNames = Ask("What are the main data entities?", "Link, Click", "Record",
            "What are the main data entities?", EntityNames, ["Record"]);
        var entities = ImmutableArray.CreateBuilder<EntityAnswer>();
        foreach (var entity in entityNames)
        {
            var (classification, retention, access) = Ask(
                $"{entity}: sensitivity ({string.Join(", ", AnswerParsers.Classifications)}), retention, access pattern?",
                "internal, 5y, point_lookup(code)", "internal, point_lookup(id)",
                $"How sensitive is {entity}, how long is it kept, and how is it read?",
                AnswerParsers.EntityDetail, ("internal", null, ["point_lookup(id)"]));
            entities.Add(new EntityAnswer(entity, classification ?? "internal", retention,
                access.IsDefaultOrEmpty ? ["point_lookup(id)"] : access));
        }

        Section("Scale");
        var skippedBefore = _open.Count;
        var (users, rate) = Ask("Monthly active users, or requests per second?", "10M, or 200/s", "100K users",
            "How many monthly active users (or requests per second) must it serve?", AnswerParsers.Scale, ("100K", null));
        var scaleAssumed = _open.Count > skippedBefore;
        var growth = Ask("Growth per year?", "50%/year", "20%/year", "How fast will usage grow per year?",
            AnswerParsers.Growth, "20%/year");
        var peak = Ask("Peak-to-average traffic ratio?", "3", "3", "What is the peak-to-average traffic ratio?",
            AnswerParsers.PeakToAverage, "3");

        Section("Dependencies");
        var dependencies = Ask("Which systems does it depend on? name (owner, SLA); separate with semicolons",
            "geoip-vendor (external, 99.9%); payments (payments-team, 99.95%)", "none",
            "Which systems does it depend on, who owns them, and what SLA do they offer?",
            AnswerParsers.Dependencies, []);

        Section("Business value");
        var outcome = Ask("Which business outcome does it serve?", "visitor trust", "user trust",
            "Which business outcome does the system serve?", AnswerParsers.Text, "user trust");
        var (metricName, metricTarget) = Ask("Which metric shows it, and what is the target?", "links-created: 3M/month",
            "adoption (no target)", "Which metric shows the outcome, and what is its target?", AnswerParsers.Metric, ("adoption", (string?)null));

        output.WriteLine();
        return new RequirementBrief
        {
            Name = name!,
            Summary = summary!,
            ScopeIn = scopeIn,
            ScopeOut = scopeOut,
            SuccessCriteria = success,
            Personas = personas.ToImmutable(),
            Entities = entities.ToImmutable(),
            MonthlyActive = users,
            TotalRate = rate,
            ScaleAssumed = scaleAssumed,
            Growth = growth!,
            PeakToAverage = peak!,
            Dependencies = dependencies,
            Outcome = string.IsNullOrEmpty(outcome) ? "user trust" : outcome,
            MetricName = metricName,
            MetricTarget = metricTarget,
            OpenQuestions = [.. _open],
        };
    }

    private static Parsed<ImmutableArray<string>> EntityNames(string answer)
    {
        var names = ImmutableArray.CreateBuilder<string>();
        foreach (var item in AnswerParsers.List(answer))
        {
            var name = AnswerParsers.EntityName(item);
            if (!name.Ok)
            {
                return new Parsed<ImmutableArray<string>>(default, name.Error!);
            }

            if (!names.Contains(name.Value!))
            {
                names.Add(name.Value!);
            }
        }

        return new Parsed<ImmutableArray<string>>(names.ToImmutable(), null);
    }

    private ImmutableArray<string> AskList(string prompt, string example, string openQuestion) =>
        Ask(prompt, example, "none", openQuestion, a => new Parsed<ImmutableArray<string>>(AnswerParsers.List(a), null), []);

    private void Section(string title)
    {
        if (!_endOfInput)
        {
            output.WriteLine();
            output.WriteLine($"== {title}");
        }
    }

    /// <summary>Asks until an answer parses; an empty answer, the end of input or three wrong answers skip the question.</summary>
    private T Ask<T>(string prompt, string example, string shownDefault, string openQuestion, Func<string, Parsed<T>> parse, T fallback)
    {
        for (var attempt = 1; attempt <= MaxAttempts && !_endOfInput; attempt++)
        {
            output.WriteLine();
            output.WriteLine(prompt);
            output.WriteLine($"  e.g. {example}   [default: {shownDefault}]");
            output.Write("> ");
            output.Flush();
            var line = input.ReadLine();
            if (line is null)
            {
                _endOfInput = true;
                output.WriteLine();
                break;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                break;
            }

            var parsed = parse(line.Trim());
            if (parsed.Ok)
            {
                return parsed.Value!;
            }

            output.WriteLine($"  ! {parsed.Error}");
            if (attempt == MaxAttempts)
            {
                output.WriteLine("  ! Skipped; the default is used and the question is kept open.");
            }
        }

        _open.Add(openQuestion);
        return fallback;
    }
}
