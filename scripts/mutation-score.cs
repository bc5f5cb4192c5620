// The score of one Stryker run, per file and in total, from its JSON report (mutation-testing-report-schema):
//   dotnet run scripts/mutation-score.cs -- artifacts/mutation/<project>/reports/mutation-report.json
// Score = (killed + timed out) / (killed + timed out + survived + no coverage), Stryker's own definition; compile errors
// and ignored mutants are not counted. Exit 1 when the total is below the report's high threshold, or a file is below its
// low threshold or has mutants but none measured (every one failed to compile: a file skipped).
using System.Globalization;
using System.Text.Json;

if (args.Length != 1 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("usage: dotnet run scripts/mutation-score.cs -- <mutation-report.json>");
    return 2;
}

using var stream = File.OpenRead(args[0]);
using var report = JsonDocument.Parse(stream);
var root = report.RootElement;
var high = root.GetProperty("thresholds").GetProperty("high").GetDouble();
var low = root.GetProperty("thresholds").GetProperty("low").GetDouble();
var projectRoot = root.TryGetProperty("projectRoot", out var pr) ? pr.GetString() ?? string.Empty : string.Empty;

var rows = new List<Row>();
foreach (var file in root.GetProperty("files").EnumerateObject())
{
    var counts = new Dictionary<string, int>(StringComparer.Ordinal);
    foreach (var mutant in file.Value.GetProperty("mutants").EnumerateArray())
    {
        var status = mutant.GetProperty("status").GetString() ?? "Unknown";
        counts[status] = counts.GetValueOrDefault(status) + 1;
    }

    var name = Path.GetRelativePath(string.IsNullOrEmpty(projectRoot) ? Directory.GetCurrentDirectory() : projectRoot, file.Name);
    rows.Add(new Row(name, counts.GetValueOrDefault("Killed"), counts.GetValueOrDefault("Timeout"), counts.GetValueOrDefault("Survived"),
        counts.GetValueOrDefault("NoCoverage"), counts.GetValueOrDefault("CompileError"), counts.GetValueOrDefault("Ignored")));
}

var total = new Row("total", rows.Sum(r => r.Killed), rows.Sum(r => r.Timeout), rows.Sum(r => r.Survived),
    rows.Sum(r => r.NoCoverage), rows.Sum(r => r.CompileErrors), rows.Sum(r => r.Ignored));
var width = Math.Max(5, rows.Count == 0 ? 0 : rows.Max(r => r.File.Length));
Console.WriteLine($"{"file".PadRight(width)}  score   killed timeout survived no-cov compile-err ignored");
var failed = false;
foreach (var row in rows.Where(r => r.Measured > 0 || r.CompileErrors > 0).OrderBy(r => r.File, StringComparer.Ordinal))
{
    var mark = row.Score < low ? "  below " + low.ToString(CultureInfo.InvariantCulture) + "%"
        : row.Measured == 0 ? "  not measured"
        : string.Empty;
    failed |= mark.Length > 0;
    Console.WriteLine(Line(row, width) + mark);
}

Console.WriteLine(Line(total, width) + (total.Score < high ? "  below " + high.ToString(CultureInfo.InvariantCulture) + "%" : string.Empty));
failed |= total.Score < high;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mutation score {total.Score:0.00}% ({total.Killed + total.Timeout} of {total.Measured} mutants killed; {total.CompileErrors} did not compile, {total.Ignored} ignored by configuration)"));
return failed ? 1 : 0;

static string Line(Row r, int width) => string.Create(CultureInfo.InvariantCulture,
    $"{r.File.PadRight(width)}  {r.Score,5:0.0}%  {r.Killed,6} {r.Timeout,7} {r.Survived,8} {r.NoCoverage,6} {r.CompileErrors,11} {r.Ignored,7}");

internal sealed record Row(string File, int Killed, int Timeout, int Survived, int NoCoverage, int CompileErrors, int Ignored)
{
    public int Measured => Killed + Timeout + Survived + NoCoverage;

    public double Score => Measured == 0 ? 100 : 100.0 * (Killed + Timeout) / Measured;
}
