using Plumbline.Design.Model;
using Plumbline.Design.Units;

namespace Plumbline.Analysis.Slo;

/// <summary>
/// An SLI with no series at all. Burn-rate alerts read the SLI's error ratio, so when its requests are not
/// measured (a full outage that takes the service's metrics with it, a scrape that stopped, a route or a
/// metric renamed) they read nothing and cannot fire. The exported rules add an alert for that, which fires
/// when the SLI's request rate has had no series for as long as the design's average traffic takes to bring
/// <see cref="ExpectedRequests"/> requests (then none at all is not chance: a Poisson stream has none with
/// probability e^-10, 0.005%), and at least <see cref="Shortest"/>. At <see cref="Shortest"/> it pages; held
/// longer (quieter traffic) it opens a ticket; past <see cref="Longest"/>, or with no traffic stated, there is
/// too little traffic to tell a missing SLI from a quiet one, and there is no such alert.
/// </summary>
public static class SliAbsence
{
    /// <summary>The shortest hold, and the one that pages.</summary>
    public static Duration Shortest { get; } = Duration.FromMinutes(10);

    /// <summary>The longest hold: quieter workflows get no alert on a missing SLI.</summary>
    public static Duration Longest { get; } = Duration.FromDays(1);

    /// <summary>Requests expected within the hold at average traffic.</summary>
    public const double ExpectedRequests = 10;

    /// <summary>
    /// How long the SLI must have had no series before the alert fires: the time in which <see cref="ExpectedRequests"/>
    /// requests are expected at <paramref name="averagePerSecond"/>, rounded up to a whole minute, at least
    /// <see cref="Shortest"/>; null when that is longer than <see cref="Longest"/> or the traffic is unknown.
    /// </summary>
    public static Duration? Hold(double? averagePerSecond)
    {
        if (averagePerSecond is not { } rate || !(rate > 0) || !double.IsFinite(rate))
        {
            return null;
        }

        var minutes = Math.Ceiling(ExpectedRequests / rate / 60 - 1e-9);
        var hold = Math.Max(Shortest.Seconds, minutes * 60);
        return hold <= Longest.Seconds ? Duration.FromSeconds(hold) : null;
    }

    /// <summary>A page when the hold is the shortest, a ticket when quieter traffic needs longer.</summary>
    public static AlertSeverity Severity(Duration hold) => hold.Seconds <= Shortest.Seconds ? AlertSeverity.Page : AlertSeverity.Ticket;
}
