using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace Plumbline.Engine.Tests.Architecture;

/// <summary>
/// The parts and the one way their dependencies point (docs/architecture.md):
/// Design &lt;- Analysis &lt;- Simulation; Analysis (and Simulation) &lt;- Engine; Analysis &lt;- Reporting;
/// Engine + Reporting &lt;- Cli and Server. Design, Analysis and Simulation do no I/O and read no clock, and
/// nothing links to a domain the project does not own.
/// </summary>
public sealed partial class LayeringTests
{
    /// <summary>What each project under src/ may reference. A new project is placed here on purpose.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Plumbline.Design"] = [],
        ["Plumbline.Analysis"] = ["Plumbline.Design"],
        ["Plumbline.Simulation"] = ["Plumbline.Design", "Plumbline.Analysis"],
        ["Plumbline.Engine"] = ["Plumbline.Design", "Plumbline.Analysis", "Plumbline.Simulation"],
        ["Plumbline.Reporting"] = ["Plumbline.Design", "Plumbline.Analysis", "Plumbline.Simulation"],
        ["Plumbline.Cli"] = ["Plumbline.Engine", "Plumbline.Reporting"],
        ["Plumbline.Server"] = ["Plumbline.Engine", "Plumbline.Reporting"],
    };

    /// <summary>File-system types the pure layers must not touch.</summary>
    private static readonly HashSet<string> FileSystemTypes = new(StringComparer.Ordinal)
    {
        "System.IO.File", "System.IO.Directory", "System.IO.FileStream", "System.IO.FileInfo", "System.IO.DirectoryInfo",
        "System.IO.FileSystemInfo", "System.IO.DriveInfo", "System.IO.FileSystemWatcher", "System.IO.RandomAccess",
        "System.IO.Enumeration.FileSystemEnumerable`1", "Microsoft.Win32.SafeHandles.SafeFileHandle",
    };

    /// <summary>Clocks the pure layers must not read: dates and times come in as options.</summary>
    private static readonly HashSet<string> ClockMembers = new(StringComparer.Ordinal)
    {
        "System.DateTime::get_Now", "System.DateTime::get_UtcNow", "System.DateTime::get_Today",
        "System.DateTimeOffset::get_Now", "System.DateTimeOffset::get_UtcNow", "System.TimeProvider::get_System",
        "System.Environment::get_TickCount", "System.Environment::get_TickCount64", "System.Diagnostics.Stopwatch::StartNew",
        "System.Diagnostics.Stopwatch::GetTimestamp",
    };

    [Fact]
    public void Every_project_reference_points_down_the_layers()
    {
        var projects = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src"), "*.csproj", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(projects);
        foreach (var project in projects)
        {
            var name = Path.GetFileNameWithoutExtension(project);
            Assert.True(Allowed.TryGetValue(name, out var allowed), $"{name} is not placed in the layering; add it to LayeringTests.Allowed and docs/architecture.md");
            var references = XDocument.Load(project).Descendants("ProjectReference")
                .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
                .ToList();
            Assert.All(references, r => Assert.True(allowed.Contains(r), $"{name} references {r}, which the layering does not allow"));
        }
    }

    [Fact]
    public void The_allowed_references_have_no_cycle()
    {
        // Each project may only reference projects listed before it, so the table itself is an order.
        var order = Allowed.Keys.ToList();
        foreach (var (name, allowed) in Allowed)
        {
            Assert.All(allowed, a => Assert.True(order.IndexOf(a) < order.IndexOf(name), $"{name} may reference {a}, listed after it"));
        }
    }

    [Theory]
    [InlineData(typeof(Plumbline.Design.Loading.DesignLoader))]
    [InlineData(typeof(Plumbline.Analysis.Review.Reviewer))]
    [InlineData(typeof(Plumbline.Simulation.Designs.DesignSimulation))]
    public void The_pure_layers_use_no_file_system_and_no_clock(Type inAssembly)
    {
        var used = ReferencedMembers(inAssembly.Assembly.Location);
        Assert.NotEmpty(used.Types);
        Assert.Contains("System.String", used.Types); // the scan sees references at all
        Assert.DoesNotContain(used.Types, FileSystemTypes.Contains);
        Assert.DoesNotContain(used.Members, ClockMembers.Contains);
    }

    [Fact]
    public void The_scan_sees_file_system_use_where_there_is_some()
    {
        // The engine reads files, so the same scan must find it there; otherwise the test above proves nothing.
        var used = ReferencedMembers(typeof(PlumblineEngine).Assembly.Location);
        Assert.Contains("System.IO.FileStream", used.Types);
        Assert.Contains("System.IO.File", used.Types);
    }

    [Fact]
    public void Namespaces_follow_folders()
    {
        var wrong = new List<string>();
        foreach (var file in new[] { "src", "tests", "bench" }.SelectMany(Repository.Sources))
        {
            var declared = NamespaceLine().Match(File.ReadAllText(Path.Combine(Repository.Root, file)));
            if (!declared.Success)
            {
                continue; // top-level statements (Program.cs)
            }

            var parts = file.Split('/');
            var expected = parts[1] == "Shared"
                ? "Plumbline.Tests.Shared"
                : string.Join('.', parts[1..^1]);
            if (declared.Groups[1].Value != expected)
            {
                wrong.Add($"{file}: namespace {declared.Groups[1].Value}, expected {expected}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void Nothing_links_to_a_domain_the_project_does_not_own()
    {
        // The name is built here so this file does not hold it; whoever registers it would get every link.
        var domain = "plumbline" + ".dev";
        string[] texts = [".cs", ".md", ".json", ".yaml", ".yml", ".txt", ".sarif", ".props", ".csproj", ".sh"];
        var found = new[] { "src", "tests", "docs", "schema", "examples", "corpus", "bench", "scripts" }
            .SelectMany(top => Directory.EnumerateFiles(Path.Combine(Repository.Root, top), "*", SearchOption.AllDirectories))
            .Append(Path.Combine(Repository.Root, "README.md"))
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && (texts.Contains(Path.GetExtension(p), StringComparer.OrdinalIgnoreCase) || Path.GetExtension(p).Length == 0))
            .Where(p => File.ReadAllText(p).Contains(domain, StringComparison.OrdinalIgnoreCase))
            .Select(p => Path.GetRelativePath(Repository.Root, p))
            .ToList();
        Assert.True(found.Count == 0, $"{domain} appears in: {string.Join(", ", found)}");
    }

    [Fact]
    public void Every_property_test_draws_from_the_logged_replayable_seed()
    {
        // CsCheck's own Sample draws a fresh seed and prints it only on failure; PropertyRun logs the run's seed
        // every time and replays it from PLUMBLINE_SEED (tests/Shared/PropertyRun.cs).
        var direct = Repository.Sources("tests")
            .Where(f => f != "tests/Shared/PropertyRun.cs")
            .Where(f => CsCheckSample().IsMatch(File.ReadAllText(Path.Combine(Repository.Root, f))))
            .ToList();
        Assert.True(direct.Count == 0, "these call CsCheck's Sample directly: " + string.Join(", ", direct));
    }

    private static (HashSet<string> Types, HashSet<string> Members) ReferencedMembers(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in md.TypeReferences)
        {
            types.Add(Name(md, handle));
        }

        var members = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in md.MemberReferences)
        {
            var member = md.GetMemberReference(handle);
            var parent = member.Parent.Kind switch
            {
                HandleKind.TypeReference => Name(md, (TypeReferenceHandle)member.Parent),
                HandleKind.TypeSpecification => "(generic)",
                _ => "(local)",
            };
            members.Add($"{parent}::{md.GetString(member.Name)}");
        }

        return (types, members);
    }

    private static string Name(MetadataReader md, TypeReferenceHandle handle)
    {
        var type = md.GetTypeReference(handle);
        var name = md.GetString(type.Name);
        return type.ResolutionScope.Kind == HandleKind.TypeReference
            ? Name(md, (TypeReferenceHandle)type.ResolutionScope) + "+" + name
            : $"{md.GetString(type.Namespace)}.{name}";
    }

    [GeneratedRegex(@"\.Sample\(\s*(\(|\w+\s*=>)")]
    private static partial Regex CsCheckSample();

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();
}
