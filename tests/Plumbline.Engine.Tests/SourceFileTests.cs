using System.Diagnostics;
using System.Text;
using Plumbline.Design.Yaml;
using Plumbline.Engine.Files;
using Xunit;
using static Plumbline.Tests.Shared.YamlTestHelpers;

namespace Plumbline.Engine.Tests;

/// <summary>Reading files from disk: the one bounded reader every design and rule file goes through.</summary>
public sealed class SourceFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("plumbline-files-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_file_on_disk_is_read_with_its_path_in_spans()
    {
        var path = Write("design.yaml", "\uFEFFname: shop\nitems: [a, b]\n");

        var result = SourceFile.ReadYaml(path);

        var root = Root(result);
        Assert.Equal(path, result.Source!.Path);
        Assert.Equal(path, At(root, "items", 1).Span.Path);
        Assert.Equal("2:12", Pos(At(root, "items", 1)));
    }

    [Fact]
    public void A_missing_file_is_a_diagnostic_not_an_exception()
    {
        var path = System.IO.Path.Combine(_folder, "missing.yaml");

        var result = SourceFile.ReadYaml(path);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("PL1016", diagnostic.Code);
        Assert.Equal(path, diagnostic.Span.Path);
        Assert.StartsWith($"{path}:1:1: error PL1016: the file does not exist", diagnostic.ToString(), StringComparison.Ordinal);
        Assert.Null(result.Source);
        Assert.False(result.Success);
    }

    [Fact]
    public void A_file_in_a_missing_folder_is_a_missing_file()
    {
        var result = SourceFile.ReadYaml(System.IO.Path.Combine(_folder, "nope", "design.yaml"));

        Assert.Equal("PL1016", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void A_directory_is_an_unreadable_file()
    {
        var result = SourceFile.ReadYaml(_folder);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("PL1017", diagnostic.Code);
        Assert.Contains("directory", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_path_is_an_unreadable_file()
    {
        Assert.Equal("PL1017", Assert.Single(SourceFile.ReadYaml(string.Empty).Diagnostics).Code);
    }

    [Fact(Timeout = 5000)]
    public async Task A_16_MB_file_is_refused_from_its_length_without_being_read()
    {
        var path = System.IO.Path.Combine(_folder, "huge.yaml");
        using (var stream = File.Create(path))
        {
            stream.SetLength(16L * 1024 * 1024); // sparse: nothing is written, and nothing need be read
        }

        var result = await Task.Run(() => SourceFile.ReadYaml(path), TestContext.Current.CancellationToken);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("PL1001", diagnostic.Code);
        Assert.Contains("16 MiB", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("1:1", diagnostic.Span.Start.ToString());
        Assert.Null(result.Source);
    }

    [Fact]
    public void The_file_limit_is_the_one_passed_in()
    {
        var path = Write("small.yaml", "a: 12345678901\n");

        var diagnostic = Assert.Single(SourceFile.ReadYaml(path, new YamlLimits(MaxBytes: 10)).Diagnostics);

        Assert.Equal("PL1001", diagnostic.Code);
        Assert.Contains("15 bytes", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_UTF8_in_a_file_is_reported_with_the_file_path()
    {
        var path = System.IO.Path.Combine(_folder, "latin1.yaml");
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes("name: caf"), 0xE9, (byte)'\n']);

        var diagnostic = Assert.Single(SourceFile.ReadYaml(path).Diagnostics);

        Assert.Equal("PL1002", diagnostic.Code);
        Assert.Equal($"{path}:1:10", diagnostic.Span.ToString());
        Assert.Contains("0xE9", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 10000)]
    public async Task A_FIFO_is_refused_without_being_opened()
    {
        // Opening a FIFO for reading waits for a writer; it must be refused before it is opened.
        var path = System.IO.Path.Combine(_folder, "design.yaml");
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!)
        {
            await mkfifo.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var result = await Task.Run(() => SourceFile.Read(path), TestContext.Current.CancellationToken);

        Assert.Equal("PL1017", result.Error!.Code);
        Assert.Contains("a FIFO, not a regular file", result.Error.Message, StringComparison.Ordinal);
        Assert.Null(result.Bytes);
    }

    [Theory(Timeout = 10000)]
    [InlineData("/dev/zero")]
    [InlineData("/dev/null")]
    public async Task A_device_is_refused(string path)
    {
        var result = await Task.Run(() => SourceFile.ReadYaml(path), TestContext.Current.CancellationToken);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("PL1017", diagnostic.Code);
        Assert.Contains("a character device, not a regular file", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_to_a_regular_file_is_read()
    {
        var target = Write("real.yaml", "a: 1\n");
        var link = System.IO.Path.Combine(_folder, "link.yaml");
        File.CreateSymbolicLink(link, target);

        var result = SourceFile.Read(link);

        Assert.True(result.Success, result.Error?.ToString());
        Assert.Equal("a: 1\n"u8.ToArray(), result.Bytes);
    }

    private string Write(string name, string text)
    {
        var path = System.IO.Path.Combine(_folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }
}
