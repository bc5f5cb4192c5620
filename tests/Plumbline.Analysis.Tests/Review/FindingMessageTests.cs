using Plumbline.Analysis.Review;
using Plumbline.Design.Text;
using Xunit;

namespace Plumbline.Analysis.Tests.Review;

/// <summary>
/// A finding written with an interpolated message keeps its template and values (SARIF's message id and
/// arguments); one written with a plain string has none; ids are stable and follow the wording.
/// </summary>
public sealed class FindingMessageTests
{
    private static readonly RuleInfo Rule = new("test-rule", ProcessStep.Storage, Severity.Medium, "A title", "Why.", "Fix.");

    [Fact]
    public void An_interpolated_message_keeps_its_template_and_formatted_values()
    {
        var name = "links-db";
        var size = 9.7623;
        var months = 39;

        var finding = Rule.At(SourceSpan.None, name, $"{name} holds {size:0.##}TB from month {months}, over {{its}} node");

        Assert.Equal("links-db holds 9.76TB from month 39, over {its} node", finding.Message);
        var template = Assert.IsType<MessageTemplate>(finding.Template);
        Assert.Equal("{0} holds {1}TB from month {2}, over {{its}} node", template.Text);
        Assert.Equal(["links-db", "9.76", "39"], template.Arguments);
        Assert.Equal(Severity.Medium, finding.Severity);
    }

    [Fact]
    public void A_raised_finding_keeps_its_template_too()
    {
        var workflow = "checkout";

        var finding = Rule.At(SourceSpan.None, workflow, $"call on the critical workflow {workflow} has no timeout", Severity.High);

        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal("call on the critical workflow {0} has no timeout", finding.Template!.Text);
    }

    [Fact]
    public void A_message_written_whole_has_no_template()
    {
        var text = "written " + "whole";

        var finding = Rule.At(SourceSpan.None, "s", text);

        Assert.Equal("written whole", finding.Message);
        Assert.Null(finding.Template);
    }

    [Fact]
    public void Ids_are_stable_for_a_wording_and_differ_between_wordings()
    {
        var a = new MessageTemplate("{0} has no timeout", ["x"]);
        var b = new MessageTemplate("{0} has no timeout", ["y"]);
        var c = new MessageTemplate("{0} has no deadline", ["x"]);

        Assert.Equal(a.Id, b.Id);
        Assert.NotEqual(a.Id, c.Id);
        Assert.Matches("^m[0-9a-f]{8}$", a.Id);
        Assert.Equal(new MessageTemplate("{0} has no timeout", ["x"]), a);
        Assert.NotEqual(b, a);
    }
}
