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

    [Fact]
    public void Names_written_once_follow_a_copy_made_with_other_fields()
    {
        var design = LoadWithCall();
        var operation = design.Components.Single(c => c.Name == "web").Operations.Single();
        var call = operation.Calls.Single();
        Assert.Equal("web.get", operation.RefText);
        Assert.Same(operation.RefText, operation.RefText); // written once, then kept
        Assert.Equal("web.get->db.read", call.Id);
        Assert.Same(call.Id, call.Id);

        var renamed = operation with { Name = "list" };
        var retargeted = call with { To = new OperationRef("cache", "read") };

        Assert.Equal("web.list", renamed.RefText);
        Assert.Equal("web.get", operation.RefText);
        Assert.Equal("web.get->cache.read", retargeted.Id);
        Assert.Equal("web.get->db.read", call.Id);
    }

    [Fact]
    public void A_name_written_once_is_no_part_of_a_records_equality()
    {
        var design = LoadWithCall();
        var call = design.Components.Single(c => c.Name == "web").Operations.Single().Calls.Single();
        var copy = call with { };
        _ = call.Id; // the original has written its id, the copy has not

        Assert.Equal(call, copy);
        Assert.Equal(call.GetHashCode(), copy.GetHashCode());
        Assert.NotEqual(call, copy with { To = new OperationRef("cache", "read") });
    }

    private static SystemDesign LoadWithCall() => DesignLoader.LoadText("design.yaml", """
        plumbline: 1
        system: { name: shop }
        workflows:
          browse: { entry: web.get, rate: 10/s }
        components:
          web: { kind: service, operations: { get: { calls: [{ to: db.read, timeout: 1s }] } } }
          db: { kind: database, operations: { read: {} } }
        """).Design!;
}
