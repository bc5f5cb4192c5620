namespace Plumbline.Simulation.Tests;

/// <summary>
/// How long the deterministic long runs are. The Release tests run them whole; the mutation set (scripts/mutation
/// simulation, the Mutation configuration) runs each again against every mutant it covers, in an assembly Stryker compiles
/// without the optimiser, so there they run shorter: the same checks on fewer events (docs/mutation.md).
/// </summary>
internal static class RunLength
{
#if MUTATION_SET
    private static bool Short => true;
#else
    private static bool Short => false;
#endif

    /// <summary><paramref name="whole"/> in the Release tests, <paramref name="mutationSet"/> in the mutation set.</summary>
    public static T Pick<T>(T whole, T mutationSet) => Short ? mutationSet : whole;
}
