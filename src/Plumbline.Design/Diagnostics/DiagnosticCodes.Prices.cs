using Plumbline.Design.Text;

namespace Plumbline.Design.Diagnostics;

/// <summary>PL5xxx: price catalogs (their own format, schema/plumbline-prices-v1.schema.json), and a design's use of one.</summary>
public static partial class DiagnosticCodes
{
    /// <summary>PL5001: a catalog format version this build does not read.</summary>
    public static Diagnostic UnsupportedCatalogVersion(SourceSpan span, string path, string version, int supported) =>
        Error("PL5001", span, path, $"price catalog format version {version} is not supported; this Plumbline reads version {supported}",
            $"write 'plumbline_prices: {supported}' or upgrade Plumbline");

    /// <summary>PL5002: a name a catalog entry cannot have.</summary>
    public static Diagnostic InvalidCatalogName(SourceSpan span, string path, string name, string what) =>
        Error("PL5002", span, path, $"'{name}' is not a valid {what} name",
            "use letters, digits, '.', '-' and '_', starting with a letter or digit, at most 100 characters");

    /// <summary>PL5003: tier bounds that do not rise, or an open tier that is not the last.</summary>
    public static Diagnostic BadTiers(SourceSpan span, string path, string message) =>
        Error("PL5003", span, path, message,
            "give each tier but the last an 'up_to' larger than the one before; the last tier has no 'up_to' and prices everything above");

    /// <summary>PL5004: a price in another currency than the catalog's.</summary>
    public static Diagnostic WrongCurrency(SourceSpan span, string path, string value, string currency) =>
        Error("PL5004", span, path, $"'{value}' is not in {currency}, the catalog's currency",
            $"write every price in {currency}, or change the catalog's 'currency'");

    /// <summary>PL5005: a price with the wrong period for where it is (per hour, or per unit with no period).</summary>
    public static Diagnostic WrongPricePeriod(SourceSpan span, string path, string value, string expected) =>
        Error("PL5005", span, path, $"'{value}' is not {expected}", null);

    /// <summary>PL5006: the price catalog a design names cannot be read.</summary>
    public static Diagnostic CatalogUnreadable(SourceSpan span, string path, string catalog, string reason) =>
        Error("PL5006", span, path, $"price catalog '{catalog}' cannot be used: {reason}",
            "write 'catalog: default' for the catalog shipped with Plumbline, or the path of a price file relative to the design");

    /// <summary>PL5007: a catalog item of the wrong kind for where the design uses it.</summary>
    public static Diagnostic WrongCatalogItem(SourceSpan span, string path, string message, string help) =>
        Error("PL5007", span, path, message, help);
}
