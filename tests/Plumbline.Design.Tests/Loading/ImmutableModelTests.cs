using Plumbline.Design.Loading;
using Plumbline.Design.Model;
using Xunit;

namespace Plumbline.Design.Tests.Loading;

/// <summary>The model is immutable: an edited copy (as a server that edits designs makes) answers for its own contents.</summary>
public sealed class ImmutableModelTests
{
    private static SystemDesign Load() => DesignLoader.LoadText("design.yaml", """
        plumbline: 1
        system: { name: shop }
        workflows:
          browse: { entry: web.get, rate: 10/s }
        components:
          web: { kind: service, operations: { get: {} } }
          db: { kind: database }
        """).Design!;

    [Fact]
    public void A_component_renamed_through_with_is_found_by_its_new_name_only()
    {
        var design = Load();
        Assert.NotNull(design.FindComponent("web")); // the original's lookup is built and used first

        var renamed = design with { Components = [.. design.Components.Select(c => c.Name == "web" ? c with { Name = "frontend" } : c)] };

        Assert.Equal("frontend", renamed.FindComponent("frontend")?.Name);
        Assert.Null(renamed.FindComponent("web"));
        Assert.NotNull(renamed.FindComponent("db"));
        Assert.Equal("web", design.FindComponent("web")?.Name);
        Assert.Null(design.FindComponent("frontend"));
    }

    [Fact]
    public void A_workflow_renamed_through_with_is_found_by_its_new_name_only()
    {
        var design = Load();
        Assert.NotNull(design.FindWorkflow("browse"));

        var renamed = design with { Workflows = [.. design.Workflows.Select(w => w with { Name = "shop-browse" })] };

        Assert.Equal("shop-browse", renamed.FindWorkflow("shop-browse")?.Name);
        Assert.Null(renamed.FindWorkflow("browse"));
    }

    [Fact]
    public void Changing_another_section_keeps_the_lookups()
    {
        var design = Load();
        var edited = design with { System = design.System with { Name = "shop-2" } };

        Assert.Same(design.FindComponent("web"), edited.FindComponent("web"));
        Assert.Same(design.FindWorkflow("browse"), edited.FindWorkflow("browse"));
    }
}
