namespace Plumbline.Tests.Shared;

/// <summary>The repository the tests run in: the nearest folder above the test binaries that holds Plumbline.slnx.</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Plumbline.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Plumbline.slnx not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    /// <summary>Paths of the C# sources under a top folder (src, tests, bench), relative and with '/', build output left out.</summary>
    public static IEnumerable<string> Sources(string top) =>
        Directory.EnumerateFiles(Path.Combine(Root, top), "*.cs", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Root, p).Replace('\\', '/'))
            .Where(p => !p.Contains("/bin/", StringComparison.Ordinal) && !p.Contains("/obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>The path of a design in examples/, by file name.</summary>
    public static string Example(string fileName) => Path.Combine(Root, "examples", fileName);

    /// <summary>The examples' names (no extension), in order, as theory data.</summary>
    public static Xunit.TheoryData<string> ExampleNames()
    {
        var data = new Xunit.TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "examples"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }
}
