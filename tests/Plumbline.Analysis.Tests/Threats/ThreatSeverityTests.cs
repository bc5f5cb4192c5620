using Plumbline.Analysis.Review;
using Plumbline.Analysis.Threats;
using Plumbline.Design.Model;
using Xunit;

namespace Plumbline.Analysis.Tests.Threats;

/// <summary>Severity is impact x likelihood, worked by hand for every cell of the grid.</summary>
public sealed class ThreatSeverityTests
{
    [Theory]
    // impact 1 (public): 1, 2, 3
    [InlineData(Classification.Public, Exposure.Internal, Severity.Info)]
    [InlineData(Classification.Public, Exposure.CrossBoundary, Severity.Low)]
    [InlineData(Classification.Public, Exposure.Internet, Severity.Low)]
    // impact 2 (internal): 2, 4, 6
    [InlineData(Classification.Internal, Exposure.Internal, Severity.Low)]
    [InlineData(Classification.Internal, Exposure.CrossBoundary, Severity.Medium)]
    [InlineData(Classification.Internal, Exposure.Internet, Severity.Medium)]
    // impact 3 (confidential): 3, 6, 9
    [InlineData(Classification.Confidential, Exposure.Internal, Severity.Low)]
    [InlineData(Classification.Confidential, Exposure.CrossBoundary, Severity.Medium)]
    [InlineData(Classification.Confidential, Exposure.Internet, Severity.High)]
    // impact 4 (restricted): 4, 8, 12
    [InlineData(Classification.Restricted, Exposure.Internal, Severity.Medium)]
    [InlineData(Classification.Restricted, Exposure.CrossBoundary, Severity.High)]
    [InlineData(Classification.Restricted, Exposure.Internet, Severity.High)]
    public void Severity_is_impact_times_likelihood(Classification impact, Exposure likelihood, Severity expected) =>
        Assert.Equal(expected, ThreatSeverity.Of(impact, likelihood));

    [Fact]
    public void Personal_data_counts_as_confidential_and_unclassified_as_internal()
    {
        var design = TestDesigns.Load("""
            plumbline: 1
            system: { name: s }
            workflows:
              w: { entry: api.get, rate: 1/s }
            data:
              - { entity: A, owner: db, classification: public, pii: true }
              - { entity: B, owner: db }
            components:
              api: { kind: service, operations: { get: { calls: [{ to: db.get, timeout: 1s }] } } }
              db: { kind: database, operations: { get: {} } }
            """);
        Assert.Equal(Classification.Confidential, ThreatModel.Effective(design.Data[0]));
        Assert.Equal(Classification.Internal, ThreatModel.Effective(design.Data[1]));
    }
}
