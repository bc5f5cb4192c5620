using System.Text.Json;
using Plumbline.Analysis.Cost;
using Plumbline.Design.Text;
using Plumbline.Reporting.Formatting;

namespace Plumbline.Reporting.Cost;

/// <summary>
/// Writes a cost report as JSON: the bill now and at each horizon, every component's lines by driver
/// with exact amounts (decimal numbers in the catalog's currency), their formulas and inputs with
/// sources, so two designs' costs can be compared line by line.
/// </summary>
public static class CostJsonRenderer
{
    public static void Write(Stream stream, CostReport report)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(report);
        using var w = JsonOutput.Open(stream);
        w.WriteStartObject();
        w.WriteString("system", report.SystemName);
        w.WriteString("currency", report.Currency);
        var c = report.Catalog;
        w.WriteStartObject("catalog");
        w.WriteString("name", c.Name);
        w.WriteString("origin", c.Origin);
        JsonOutput.String(w, "provider", c.Provider);
        JsonOutput.String(w, "region", c.Region);
        w.WriteNumber("hoursPerMonth", c.Conventions.HoursPerMonth);
        w.WriteString("gigabyte", c.Conventions.Gigabyte.ToString());
        w.WriteNumber("bytesPerGigabyte", c.Conventions.BytesPerGigabyte);
        w.WriteBoolean("freeAllowances", c.Conventions.FreeAllowances);
        w.WriteString("oldestReadOn", c.OldestReadOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("oldestSource", c.OldestSource);
        w.WriteEndObject();

        // The catalog's sources the bill's prices come from, and the items priced from each.
        w.WriteStartArray("sources");
        foreach (var source in report.SourcesUsed)
        {
            w.WriteStartObject();
            w.WriteString("name", source.Name);
            w.WriteString("url", source.Url);
            w.WriteString("readOn", source.ReadOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteStartArray("items");
            foreach (var item in source.Items)
            {
                w.WriteStringValue(item);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();

        if (report.Budget is { } budget)
        {
            w.WriteStartObject("budget");
            w.WriteString("stated", report.BudgetText);
            w.WriteNumber("monthly", budget);
            w.WriteStartArray("alerts");
            foreach (var a in report.Alerts)
            {
                w.WriteNumberValue(a);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("budget");
        }

        w.WriteStartArray("horizons");
        foreach (var h in report.Horizons)
        {
            w.WriteStartObject();
            w.WriteNumber("months", h.Months);
            w.WriteNumber("total", h.Total);
            w.WriteStartObject("byDriver");
            foreach (var d in Enum.GetValues<CostDriver>())
            {
                w.WriteNumber(EnumNames.Words(d), h.TotalOf(d));
            }

            w.WriteEndObject();
            if (h.Budget is { } b)
            {
                w.WriteStartObject("budget");
                w.WriteNumber("share", b.Share);
                w.WriteBoolean("over", b.Over);
                w.WriteStartArray("alertsReached");
                foreach (var a in b.AlertsReached)
                {
                    w.WriteNumberValue(a);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteStartArray("components");
            foreach (var component in h.Components)
            {
                w.WriteStartObject();
                w.WriteString("component", component.Component);
                w.WriteString("kind", Design.Text.EnumNames.Text(component.Kind));
                w.WriteString("pricedAs", component.PricedAs);
                w.WriteBoolean("assumed", component.Assumed);
                w.WriteNumber("total", component.Total);
                w.WriteStartArray("lines");
                foreach (var line in component.Lines)
                {
                    Line(w, line);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();

        var u = report.Units;
        w.WriteStartObject("units");
        w.WriteNumber("requestsPerMonth", u.RequestsPerMonth);
        OptionalNumber(w, "perThousandRequests", u.PerThousandRequests);
        OptionalNumber(w, "monthlyActiveUsers", u.MonthlyActiveUsers);
        OptionalNumber(w, "perActiveUser", u.PerActiveUser);
        w.WriteEndObject();

        w.WriteStartArray("idle");
        foreach (var i in report.Idle)
        {
            w.WriteStartObject();
            w.WriteString("component", i.Component);
            w.WriteString("instanceType", i.InstanceType);
            w.WriteNumber("provisioned", i.Provisioned);
            w.WriteNumber("needed", i.Needed);
            w.WriteNumber("monthlySaving", i.MonthlySaving);
            w.WriteNumber("share", i.Share);
            Inputs(w, i.Inputs);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("notes");
        foreach (var note in report.Notes)
        {
            w.WriteStringValue(note);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Line(Utf8JsonWriter w, CostLine line)
    {
        w.WriteStartObject();
        w.WriteString("driver", EnumNames.Words(line.Driver));
        w.WriteString("item", line.Item);
        OptionalNumber(w, "amount", line.Amount);
        w.WriteString("formula", line.Formula);
        Inputs(w, line.Inputs);
        w.WriteEndObject();
    }

    private static void Inputs(Utf8JsonWriter w, IEnumerable<CostInput> inputs)
    {
        w.WriteStartArray("inputs");
        foreach (var input in inputs)
        {
            w.WriteStartObject();
            w.WriteString("name", input.Name);
            w.WriteNumber("value", input.Value);
            w.WriteString("unit", Design.Text.EnumNames.Text(input.Unit));
            w.WriteString("source", input.Source);
            if (input.Line > 0)
            {
                w.WriteNumber("line", input.Line);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void OptionalNumber(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

}
