using Plumbline.Design.Embedded;
using Plumbline.Design.Loading;
using Xunit;

namespace Plumbline.Design.Tests.Embedded;

public sealed class EmbeddedFilesTests
{
    private static readonly System.Reflection.Assembly Design = typeof(FormatSchema).Assembly;

    [Fact]
    public void Names_under_a_prefix_and_suffix_are_cut_to_what_lies_between() =>
        Assert.Equal(["v1"], EmbeddedFiles.Names(Design, "plumbline-", ".schema.json"));

    [Fact]
    public void Text_is_the_embedded_file_and_null_when_absent()
    {
        Assert.Equal(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schema", FormatSchema.FileName)), EmbeddedFiles.Text(Design, FormatSchema.FileName));
        Assert.Null(EmbeddedFiles.Text(Design, "no-such-file.json"));
        Assert.Null(EmbeddedFiles.Bytes(Design, "no-such-file.json"));
    }

    [Fact]
    public void A_required_file_that_was_not_embedded_names_what_is_missing()
    {
        var error = Assert.Throws<InvalidOperationException>(() => EmbeddedFiles.RequiredText(Design, "no-such-file.json", "the test file"));
        Assert.Equal("the test file 'no-such-file.json' is not embedded in Plumbline.Design", error.Message);
    }
}
