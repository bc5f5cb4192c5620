namespace Plumbline.Analysis.Availability;

/// <summary>
/// Downtime arithmetic for availabilities. Printing an availability or a downtime is
/// <see cref="Design.Text.Quantities.Availability(double)"/> and <see cref="Design.Text.Quantities.Duration"/>.
/// </summary>
public static class Nines
{
    /// <summary>Thirty days in seconds: the window downtime budgets are usually quoted over.</summary>
    public const double SecondsPer30Days = 30 * Design.Units.Calendar.SecondsPerDay;

    /// <summary>Expected downtime over <paramref name="seconds"/> at this availability, in seconds.</summary>
    public static double Downtime(double availability, double seconds) => Math.Max(0, 1 - availability) * seconds;
}
