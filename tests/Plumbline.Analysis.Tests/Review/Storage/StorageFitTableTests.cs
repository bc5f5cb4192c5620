using System.Text.RegularExpressions;
using Plumbline.Analysis.Review;
using Plumbline.Analysis.Review.Rules.Storage;
using Plumbline.Design.Model;
using Plumbline.Design.Text;
using Xunit;

namespace Plumbline.Analysis.Tests.Review.Storage;

public sealed partial class StorageFitTableTests
{
    [Fact]
    public void The_docs_table_is_the_rules_table()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rules", "storage-fit-mismatch.md"));
        var rows = TableRow().Matches(text).Select(m => m.Groups.Cast<Group>().Skip(1).Select(g => g.Value.Trim()).ToArray())
            .Where(r => r[0] != "pattern")
            .Select(r => $"{r[0]}|{r[1]}|{r[2]}|{r[3]}|{r[4]}")
            .ToList();
        var levels = new Dictionary<StorageFitLevel, string>
        {
            [StorageFitLevel.Weak] = "weak (low)", [StorageFitLevel.Poor] = "poor (medium)", [StorageFitLevel.Unfit] = "unfit (high)",
        };
        var conditions = new Dictionary<StorageFitCondition, string>
        {
            [StorageFitCondition.Always] = "always", [StorageFitCondition.AtVolume] = "at volume",
            [StorageFitCondition.HighWriteRateOnOneNode] = "high write rate on one node", [StorageFitCondition.SmallRecords] = "small records",
        };
        var expected = StorageFit.Table
            .Select(e => $"{EnumNames.Text(e.Pattern)}|{EnumNames.Text(e.Model)}|{levels[e.Level]}|{conditions[e.When]}|{e.Reason}")
            .ToList();
        Assert.Equal(expected, rows);
    }

    [Fact]
    public void Each_pair_appears_once_and_good_is_never_listed()
    {
        Assert.Equal(StorageFit.Table.Length, StorageFit.Table.Select(e => (e.Pattern, e.Model)).Distinct().Count());
        Assert.DoesNotContain(StorageFit.Table, e => e.Level == StorageFitLevel.Good);
    }

    [Fact]
    public void Every_store_model_fits_some_patterns_and_every_model_is_judged_somewhere()
    {
        foreach (var model in Enum.GetValues<StorageModel>())
        {
            Assert.True(Enum.GetValues<AccessPatternKind>().Any(p => StorageFit.Find(p, model) is null), $"{model} fits nothing");
        }
    }

    [Fact]
    public void Fit_levels_map_to_severities()
    {
        Assert.Equal(Severity.Low, StorageFit.SeverityOf(StorageFitLevel.Weak));
        Assert.Equal(Severity.Medium, StorageFit.SeverityOf(StorageFitLevel.Poor));
        Assert.Equal(Severity.High, StorageFit.SeverityOf(StorageFitLevel.Unfit));
    }

    [Fact]
    public void A_stated_model_wins_then_the_engine_then_the_kind()
    {
        var design = ReviewKit.Load("""
            plumbline: 1
            system: { name: t }
            components:
              a: { kind: database, engine: postgresql, model: olap }
              b: { kind: database, engine: Amazon DynamoDB }
              c: { kind: cache }
              d: { kind: database, engine: homegrown }
              e: { kind: service }
            """);
        Assert.Equal(StorageModel.Olap, StorageFit.ModelOf(design.FindComponent("a")!, out var a));
        Assert.Null(a);
        Assert.Equal(StorageModel.KeyValue, StorageFit.ModelOf(design.FindComponent("b")!, out var b));
        Assert.Equal("engine Amazon DynamoDB", b);
        Assert.Equal(StorageModel.KeyValue, StorageFit.ModelOf(design.FindComponent("c")!, out var c));
        Assert.Equal("kind cache", c);
        Assert.Null(StorageFit.ModelOf(design.FindComponent("d")!, out _));
        Assert.Null(StorageFit.ModelOf(design.FindComponent("e")!, out _));
    }

    [GeneratedRegex(@"^\| *([a-z_]+) *\| *([a-z_]+) *\| *([^|]+?) *\| *([^|]+?) *\| *(.+?) *\|$", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
