using System.Text.Json;
using Plumbline.Design.Loading;
using Xunit;

namespace Plumbline.Design.Tests.Schema;

public sealed class FormatSchemaTests
{
    [Fact]
    public void The_embedded_schema_is_the_repositorys_file_and_names_its_id()
    {
        var file = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schema", FormatSchema.FileName));
        Assert.Equal(file, FormatSchema.Text);
        using var doc = JsonDocument.Parse(FormatSchema.Text);
        Assert.Equal(FormatSchema.Id, doc.RootElement.GetProperty("$id").GetString());
    }
}
