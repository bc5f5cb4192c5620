using System.Globalization;

namespace Plumbline.Design.Yaml;

/// <summary>Byte counts for messages: "812 bytes", "4 MiB", "16.5 MiB".</summary>
internal static class HumanSize
{
    private static readonly string[] Units = ["KiB", "MiB", "GiB", "TiB"];

    /// <summary>
    /// Formats a byte count with binary units and at most one decimal. With <paramref name="roundUp"/> the
    /// value is rounded up, so a file one byte over a 4 MiB limit reads "4.1 MiB", never "4 MiB".
    /// </summary>
    public static string Format(long bytes, bool roundUp = false)
    {
        if (bytes < 1024)
        {
            return bytes == 1 ? "1 byte" : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");
        }

        var value = (double)bytes;
        var unit = -1;
        while (value >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        var tenths = roundUp ? Math.Ceiling(value * 10) : Math.Round(value * 10, MidpointRounding.AwayFromZero);
        return string.Create(CultureInfo.InvariantCulture, $"{tenths / 10:0.#} {Units[unit]}");
    }

    /// <summary>A count with thousands separators: 4,194,304.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
