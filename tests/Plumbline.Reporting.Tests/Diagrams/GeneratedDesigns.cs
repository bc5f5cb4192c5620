using System.Globalization;
using System.Text;

namespace Plumbline.Reporting.Tests.Diagrams;

/// <summary>A design of any size with the shapes diagrams must draw: every kind, sync and async calls, queues and their consumers, boundaries and zones.</summary>
internal static class GeneratedDesigns
{
    /// <summary>
    /// <paramref name="services"/> services behind one load balancer, each calling a cache, a database and a queue
    /// (async); a worker per queue writing to a database and calling an external system. Components: 1 + services
    /// + caches + databases + queues + workers + externals.
    /// </summary>
    public static string Yaml(int services, int caches, int databases, int queues, int externals)
    {
        static string N(int i) => i.ToString(CultureInfo.InvariantCulture);
        string[] words = ["orders", "catalog", "payments", "search", "accounts", "inventory", "shipping", "reviews", "pricing", "promotions", "notifications", "recommendations"];
        string Name(string kind, int i) => $"{words[i % words.Length]}-{kind}-{N(i)}";
        var sb = new StringBuilder();
        sb.Append("plumbline: 1\nsystem:\n  name: generated\nrequirements:\n  personas:\n");
        sb.Append("    - name: shopper\n      workflows: [browse, buy]\n    - name: back-office\n      workflows: [report]\n");
        sb.Append("workflows:\n");
        sb.Append("  browse: { entry: edge-lb.browse, rate: 300/s, criticality: critical }\n");
        sb.Append("  buy: { entry: edge-lb.buy, rate: 30/s, type: write, criticality: high }\n");
        sb.Append("  report: { entry: edge-lb.report, rate: 1/s, criticality: low }\n");
        sb.Append("components:\n  edge-lb:\n    kind: load_balancer\n    zones: [a, b, c]\n    operations:\n");
        foreach (var (op, share) in new[] { ("browse", 0), ("buy", 1), ("report", 2) })
        {
            sb.Append("      ").Append(op).Append(":\n        calls:\n");
            for (var s = share; s < services; s += 3)
            {
                sb.Append("          - { to: ").Append(Name("service", s)).Append(".handle, timeout: 1s, probability: 0.3 }\n");
            }
        }

        for (var s = 0; s < services; s++)
        {
            sb.Append("  ").Append(Name("service", s)).Append(":\n    kind: service\n    engine: go\n    instances: 2\n    zones: ")
                .Append(s % 2 == 0 ? "[a, b]" : "[a, b, c]").Append("\n    capacity: 500/s\n    operations:\n      handle:\n        calls:\n");
            sb.Append("          - { to: ").Append(Name("cache", s % caches)).Append(".get, timeout: 20ms }\n");
            sb.Append("          - { to: ").Append(Name("db", s % databases)).Append(".query").Append(s % 4 == 0 ? string.Empty : ", timeout: 100ms").Append(" }\n");
            sb.Append("          - { to: ").Append(Name("queue", s % queues)).Append(".publish, async: true }\n");
        }

        for (var c = 0; c < caches; c++)
        {
            sb.Append("  ").Append(Name("cache", c)).Append(":\n    kind: cache\n    engine: redis\n    zones: [a, b, c]\n    instances: 2\n    replicas: 1\n    hit_ratio: 0.8\n    operations:\n      get: {}\n");
        }

        for (var d = 0; d < databases; d++)
        {
            sb.Append("  ").Append(Name("db", d)).Append(":\n    kind: database\n    model: oltp\n    engine: postgresql\n    zones: [a, b]\n")
                .Append(d % 3 == 0 ? string.Empty : "    replicas: 1\n").Append("    operations:\n      query: { type: read }\n      insert: { type: write }\n");
        }

        for (var q = 0; q < queues; q++)
        {
            sb.Append("  ").Append(Name("queue", q)).Append(":\n    kind: queue\n    engine: kafka\n    zones: [a, b, c]\n    consumers: [")
                .Append(Name("worker", q)).Append(".consume]\n    operations:\n      publish: { type: write }\n");
            sb.Append("  ").Append(Name("worker", q)).Append(":\n    kind: worker\n    zones: [a, b]\n    instances: 2\n    operations:\n      consume:\n        calls:\n");
            sb.Append("          - { to: ").Append(Name("db", q % databases)).Append(".insert, timeout: 200ms }\n");
            sb.Append("          - { to: ").Append(Name("vendor", q % externals)).Append(".call, timeout: 300ms }\n");
        }

        for (var e = 0; e < externals; e++)
        {
            sb.Append("  ").Append(Name("vendor", e)).Append(":\n    kind: external\n    operations:\n      call: {}\n");
        }

        sb.Append("security:\n  boundaries:\n");
        sb.Append("    - { name: internet, trusted: false, contains: [shopper, back-office] }\n");
        sb.Append("    - { name: edge, contains: [edge-lb] }\n");
        sb.Append("    - name: core\n      contains: [")
            .Append(string.Join(", ", Enumerable.Range(0, services).Select(s => Name("service", s)).Concat(Enumerable.Range(0, queues).Select(q => Name("worker", q))))).Append("]\n");
        sb.Append("    - name: data\n      contains: [")
            .Append(string.Join(", ", Enumerable.Range(0, caches).Select(c => Name("cache", c)).Concat(Enumerable.Range(0, databases).Select(d => Name("db", d))).Concat(Enumerable.Range(0, queues).Select(q => Name("queue", q))))).Append("]\n");
        sb.Append("    - name: vendors\n      trusted: false\n      contains: [").Append(string.Join(", ", Enumerable.Range(0, externals).Select(e => Name("vendor", e)))).Append("]\n");
        return sb.ToString();
    }

    /// <summary>Fifty components: a load balancer, 17 services, 8 caches, 10 databases, 6 queues, 6 workers and 2 external systems.</summary>
    public static string Fifty => Yaml(services: 17, caches: 8, databases: 10, queues: 6, externals: 2);
}
