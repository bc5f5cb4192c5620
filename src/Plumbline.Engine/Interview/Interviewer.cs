using System.Collections.Immutable;
using System.Text;
using Plumbline.Design.Model;
using Plumbline.Design.Text;

namespace Plumbline.Engine.Interview;

/// <summary>
/// The requirement-brief interview behind <c>plumbline init</c>: the system and its owners, scope, users
/// and their workflows, data and where each kind lives, traffic per workflow with its peak, growth,
/// dependencies and business value, in that order. Each question shows an example and a default; an empty
/// answer (or the end of input) skips it, keeps the default and records the question as open.
/// <para>
/// Every answer is checked as it is given, twice: by the answer's parser (the format's own unit parsers and
/// ranges), then by writing the design with it and loading that with the real loader. A refused answer is
/// explained and asked again, up to three times; so the brief, and the design written from it, are valid at
/// every step.
/// </para>
/// </summary>
public sealed class Interviewer(TextReader input, TextWriter output)
{
    /// <summary>The longest answer read: 1,000 characters; a longer line is refused (and the rest of it skipped).</summary>
    public const int MaxAnswerLength = 1000;

    /// <summary>How much of one overlong line is skipped before the input is treated as ended: 1 MiB of characters.</summary>
    private const int MaxSkippedLength = 1 << 20;

    private const int MaxAttempts = 3;

    private RequirementBrief _brief = RequirementBrief.Default;
    private bool _endOfInput;

    public RequirementBrief Run()
    {
        output.WriteLine("Answer a few questions from the requirement brief. Press Enter to skip one: its default");
        output.WriteLine("is used and the question is kept in requirements.open_questions for later.");

        Section("The system");
        Ask(new("System name", "url-shortener", "my-system", "What is the system called?"),
            AnswerParsers.Name, (b, v) => b with { Name = v });
        Ask(new("What does it do, in one line?", "Create short links and redirect visitors to the long URL.", "(none)",
                "What does the system do, in one line?"),
            AnswerParsers.Text, (b, v) => b with { Summary = v });
        Ask(new("Who owns it? (teams or people, separated with commas)", "links-team", "(none)", "Who owns the system?"),
            AnswerParsers.Owners, (b, v) => b with { Owners = v });

        Section("Scope");
        AskList(new("What is in scope? (separate items with commas)", "shorten a URL, redirect, daily click counts per link", "none",
            "What is in scope?"), (b, v) => b with { ScopeIn = v });
        AskList(new("What is out of scope?", "custom domains, user accounts", "none", "What is out of scope?"),
            (b, v) => b with { ScopeOut = v });
        AskList(new("How will you judge success? (separate with semicolons)",
                "99.95% of redirects succeed over 30 days; a link is created in under a second", "none", "How will we judge success?"),
            (b, v) => b with { SuccessCriteria = v });

        Section("Users");
        AskPersonas();

        Section("Data");
        AskData();

        Section("Traffic");
        AskTraffic();

        Section("Dependencies");
        Ask(new("Which systems does it depend on? name (owner, SLA); separate with semicolons",
                "geoip-vendor (external, 99.9%); payments (payments-team, 99.95%)", "none",
                "Which systems does it depend on, who owns them, and what SLA do they offer?"),
            AnswerParsers.Dependencies, (b, v) => b with { Dependencies = v });

        Section("Business value");
        Ask(new("Which business outcome does it serve?", "visitor trust", "user trust", "Which business outcome does the system serve?"),
            a => AnswerParsers.Text(a) is { Value.Length: > 0 } text ? text : Parsed.Fail<string>("Name the outcome, e.g. visitor trust."),
            (b, v) => b with { Outcome = v });
        Ask(new("Which metric shows it, and what is the target?", "links-created: 3M/month", "adoption (no target)",
                "Which metric shows the outcome, and what is its target?"),
            AnswerParsers.Metric, (b, v) => b with { MetricName = v.Name, MetricTarget = v.Target });

        output.WriteLine();
        return _brief;
    }

    private void AskPersonas()
    {
        var names = AskList(new("Who are the primary personas?", "visitor, marketer", "user", "Who are the primary users (personas)?"),
            (b, v) => b with { Personas = [.. v.Select(p => new PersonaAnswer(p, DefaultWorkflow(p), FailureTolerance.Medium))] });
        if (names is not { IsEmpty: false } personas)
        {
            return;
        }

        for (var i = 0; i < personas.Length; i++)
        {
            var index = i;
            var persona = _brief.Personas[index];
            Ask(new($"{Shown(persona.Name)}: top workflow, and failure tolerance (low, medium or high)?", "redirect, low",
                    $"{persona.Workflow}, medium", $"What is the top workflow of {persona.Name}, and how much failure does it tolerate?"),
                AnswerParsers.PersonaDetail,
                (b, v) => b with
                {
                    Personas = b.Personas.SetItem(index, persona with
                    {
                        Workflow = v.Workflow ?? persona.Workflow,
                        Tolerance = v.Tolerance ?? persona.Tolerance,
                    }),
                });
        }
    }

    private void AskData()
    {
        Ask(new("What are the main data entities?", "Link, Click", "Record", "What are the main data entities?"),
            AnswerParsers.EntityNames,
            (b, v) => b with { Entities = [.. v.Select(n => new EntityAnswer(n, "internal", null, ["point_lookup(id)"], StorageModel.Oltp))] });

        for (var i = 0; i < _brief.Entities.Length; i++)
        {
            var index = i;
            var entity = _brief.Entities[index];
            Ask(new($"{entity.Name}: sensitivity ({string.Join(", ", AnswerParsers.Classifications)}), retention, access pattern?",
                    "internal, 5y, point_lookup(code)", "internal, point_lookup(id)",
                    $"How sensitive is {entity.Name}, how long is it kept, and how is it read?"),
                AnswerParsers.EntityDetail,
                (b, v) =>
                {
                    var access = v.Access.IsDefaultOrEmpty ? entity.Access : v.Access;
                    return b with
                    {
                        Entities = b.Entities.SetItem(index, entity with
                        {
                            Classification = v.Classification ?? entity.Classification,
                            Retention = v.Retention ?? entity.Retention,
                            Access = access,
                            Store = EntityAnswer.DefaultStore(access),
                        }),
                    };
                });
        }

        for (var i = 0; i < _brief.Entities.Length; i++)
        {
            var index = i;
            var entity = _brief.Entities[index];
            var shownDefault = entity.Store == StorageModel.Object ? "object_store" : "database";
            Ask(new($"{entity.Name}: where does it live? (database, object_store for blobs and files, search, time_series, olap, key_value, document, wide_column, graph)",
                    "database", shownDefault, $"Where does {entity.Name} live (which kind of store)?"),
                AnswerParsers.Store,
                (b, v) => b with { Entities = b.Entities.SetItem(index, b.Entities[index] with { Store = v }) });
        }

        // With one store every workflow uses it; with several, each workflow's data decides which it calls.
        if (_brief.Stores().Length < 2)
        {
            return;
        }

        var entities = _brief.Entities.Select(e => e.Name).ToImmutableArray();
        foreach (var workflow in _brief.Workflows())
        {
            Ask(new($"{workflow.Name}: which data does it read or write? (entities separated with commas, all, or none)",
                    string.Join(", ", entities.Take(1)), "all", $"Which data does {workflow.Name} read or write?"),
                a => AnswerParsers.EntitiesOf(a, entities),
                (b, v) => b with { WorkflowData = b.WorkflowData.SetItem(workflow.Name, v) });
        }
    }

    private void AskTraffic()
    {
        Ask(new("How many monthly active users?", "10M", "(none: traffic is asked as rates)", "How many monthly active users will it have?"),
            AnswerParsers.Users, (b, v) => b with { MonthlyActive = v });

        foreach (var workflow in _brief.Workflows())
        {
            var assumed = BriefDesignWriter.AssumedTraffic(workflow, _brief.MonthlyActive);
            var example = _brief.MonthlyActive is null ? "200/s, peak 600/s" : "30/month per user, peak 3x";
            Ask(new($"{workflow.Name}: average traffic, for all users (200/s, 1B/month) or per user (30/month per user); and its peak if known (peak 1500/s, peak 3x)?",
                    example, assumed.Average + (assumed.PerUser ? " per user" : string.Empty),
                    $"How much traffic does {workflow.Name} get, on average and at peak?"),
                a => AnswerParsers.Traffic(a, _brief.MonthlyActive),
                (b, v) => b with { Traffic = b.Traffic.SetItem(workflow.Name, v) });
        }

        if (!_brief.EveryWorkflowHasAPeak())
        {
            Ask(new("Peak-to-average traffic ratio, for the workflows without a peak?", "3", "3",
                    "What is the peak-to-average traffic ratio?"),
                AnswerParsers.PeakToAverage, (b, v) => b with { PeakToAverage = v });
        }

        Ask(new("Growth per year?", "50%/year", BriefDesignWriter.AssumedGrowth.ToString(), "How fast will usage grow per year?"),
            AnswerParsers.Growth, (b, v) => b with { Growth = v });
    }

    private static string DefaultWorkflow(string persona) =>
        AnswerParsers.Slug(persona) is { Length: > 0 and <= AnswerParsers.MaxNameLength - 5 } slug && char.IsAsciiLetter(slug[0]) ? slug + "-flow" : "use";

    private ImmutableArray<string>? AskList(Question question, Func<RequirementBrief, ImmutableArray<string>, RequirementBrief> apply) =>
        Ask(question,
            a => AnswerParsers.List(a) is { IsEmpty: false } items ? Parsed.Of<ImmutableArray<string>>(items) : Parsed.Fail<ImmutableArray<string>>("Give at least one item, or press Enter to skip."),
            apply) is { Answered: true } answer ? answer.Value : null;

    private void Section(string title)
    {
        if (!_endOfInput)
        {
            output.WriteLine();
            output.WriteLine($"== {title}");
        }
    }

    /// <summary>
    /// Asks until an answer parses and the design written with it validates; an empty answer, the end of
    /// input or three refused answers skip the question (the brief keeps its default and the question is open).
    /// </summary>
    private (bool Answered, T? Value) Ask<T>(Question question, Func<string, Parsed<T>> parse, Func<RequirementBrief, T, RequirementBrief> apply)
    {
        for (var attempt = 1; attempt <= MaxAttempts && !_endOfInput; attempt++)
        {
            output.WriteLine();
            output.WriteLine(question.Prompt);
            output.WriteLine($"  e.g. {question.Example}   [default: {question.ShownDefault}]");
            output.Write("> ");
            output.Flush();
            if (ReadAnswer() is not var (line, length))
            {
                _endOfInput = true;
                output.WriteLine();
                break;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                break;
            }

            var error = length > MaxAnswerLength
                ? $"That answer is {length} characters long; answers have at most {MaxAnswerLength}."
                : null;
            if (error is null)
            {
                var parsed = parse(line.Trim());
                if (parsed.Ok)
                {
                    var candidate = apply(_brief, parsed.Value!);
                    error = DesignError(candidate);
                    if (error is null)
                    {
                        _brief = candidate;
                        return (true, parsed.Value);
                    }
                }
                else
                {
                    error = parsed.Error!;
                }
            }

            output.WriteLine($"  ! {Shown(error)}");
            if (attempt == MaxAttempts)
            {
                output.WriteLine("  ! Skipped; the default is used and the question is kept open.");
            }
        }

        _brief = _brief with { OpenQuestions = _brief.OpenQuestions.Add(question.OpenQuestion) };
        return (false, default);
    }

    /// <summary>Why the design written from <paramref name="brief"/> would not validate, in the loader's words; null when it validates.</summary>
    internal static string? DesignError(RequirementBrief brief)
    {
        var loaded = PlumblineEngine.Default.LoadDesign("design.yaml", BriefDesignWriter.Write(brief));
        if (loaded.Success)
        {
            return null;
        }

        var first = loaded.Diagnostics.First(d => d.IsError);
        return first.Help is null ? first.Message : $"{first.Message} ({first.Help})";
    }

    /// <summary>
    /// One line of input without its line break, and its length. At most <see cref="MaxAnswerLength"/> + 1
    /// characters are kept; the rest of a longer line is read and dropped, up to <see cref="MaxSkippedLength"/>,
    /// past which the input is treated as ended. Null at the end of input.
    /// </summary>
    private (string Text, int Length)? ReadAnswer()
    {
        var sb = new StringBuilder();
        var length = 0;
        while (true)
        {
            var c = input.Read();
            if (c < 0)
            {
                return length == 0 ? null : (sb.ToString(), length);
            }

            if (c == '\n')
            {
                break;
            }

            if (++length > MaxAnswerLength + MaxSkippedLength)
            {
                return null;
            }

            if (sb.Length <= MaxAnswerLength)
            {
                sb.Append((char)c);
            }
        }

        if (sb.Length > 0 && sb[^1] == '\r' && length == sb.Length)
        {
            sb.Length--;
            length--;
        }

        return (sb.ToString(), length);
    }

    private static string Shown(string text) => TerminalText.Escape(text);

    private sealed record Question(string Prompt, string Example, string ShownDefault, string OpenQuestion);
}
