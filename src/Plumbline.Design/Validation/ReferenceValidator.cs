using System.Globalization;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Loading.Binding;
using Plumbline.Design.Model;

namespace Plumbline.Design.Validation;

/// <summary>
/// Checks that every name one section uses for another resolves, with a "did you mean" when a
/// close name exists.
/// </summary>
internal static class ReferenceValidator
{
    public static void Validate(SystemDesign design, BindContext context)
    {
        var checker = new Checker(design, context);
        checker.Run();
    }

    private sealed class Checker(SystemDesign design, BindContext context)
    {
        private readonly HashSet<string> _components = [.. design.Components.Select(c => c.Name)];
        private readonly HashSet<string> _workflows = [.. design.Workflows.Select(w => w.Name)];
        private readonly HashSet<string> _entities = [.. design.Data.Select(e => e.Name)];
        private readonly HashSet<string> _slos = [.. design.Slos.Select(s => s.Name)];
        private readonly HashSet<string> _metrics = [.. design.Business.Metrics.Select(m => m.Name)];
        private readonly HashSet<string> _personas = [.. design.Requirements.Personas.Select(p => p.Name)];
        private readonly HashSet<string> _dependencies = [.. design.Requirements.Dependencies.Select(d => d.Name)];
        private readonly HashSet<string> _stakeholders = [.. design.Business.Stakeholders.Select(s => s.Name)];

        public void Run()
        {
            foreach (var workflow in design.Workflows)
            {
                Operation(workflow.Entry, workflow.Path + "/entry");
            }

            foreach (var component in design.Components)
            {
                if (component.Security is { } security)
                {
                    Names(security.Grants, security.Path + "/grants", "entity", _entities, "data");
                }

                foreach (var operation in component.Operations)
                {
                    Names(operation.Reads, operation.Path + "/reads", "entity", _entities, "data");
                    Names(operation.Writes, operation.Path + "/writes", "entity", _entities, "data");
                    foreach (var call in operation.Calls)
                    {
                        Operation(call.To, call.Path + "/to");
                        if (call.FallbackTo is { } fallback)
                        {
                            Operation(fallback, call.Path + "/fallback/to");
                        }
                    }
                }

                for (var i = 0; i < component.Consumers.Length; i++)
                {
                    Operation(component.Consumers[i], Item(component.Path + "/consumers", i));
                }

                if (component.Cells is { Router: { } router } cells)
                {
                    Name(router, cells.Path + "/router", "component", _components, "components");
                }

                RegionZones(component);
            }

            var sources = new HashSet<string>(_entities);
            sources.UnionWith(_components);
            foreach (var entity in design.Data)
            {
                Name(entity.Owner, entity.Path + "/owner", "component", _components, "components");
                Names(entity.DerivedFrom, entity.Path + "/derived_from", "entity or component", sources, "data or components");
            }

            foreach (var slo in design.Slos)
            {
                Name(slo.Workflow, slo.Path + "/workflow", "workflow", _workflows, "workflows");
                Names(slo.Journey, slo.Path + "/journey", "workflow", _workflows, "workflows");
            }

            foreach (var persona in design.Requirements.Personas)
            {
                Names(persona.Workflows, persona.Path + "/workflows", "workflow", _workflows, "workflows");
            }

            foreach (var dependency in design.Requirements.Dependencies)
            {
                Name(dependency.Component, dependency.Path + "/component", "component", _components, "components");
            }

            foreach (var endpoint in design.Api.Endpoints)
            {
                Name(endpoint.Workflow, endpoint.Path + "/workflow", "workflow", _workflows, "workflows");
                Names(endpoint.Reads, endpoint.Path + "/reads", "entity", _entities, "data");
                Names(endpoint.Writes, endpoint.Path + "/writes", "entity", _entities, "data");
            }

            var members = new HashSet<string>(_components);
            members.UnionWith(_personas);
            members.UnionWith(_dependencies);
            foreach (var boundary in design.Security.Boundaries)
            {
                Names(boundary.Contains, boundary.Path + "/contains", "persona, component or dependency", members, "requirements.personas, components or requirements.dependencies");
            }

            foreach (var runbook in design.Operations.Runbooks)
            {
                Names(runbook.Components, runbook.Path + "/components", "component", _components, "components");
                Names(runbook.Slos, runbook.Path + "/slos", "SLO", _slos, "slos");
            }

            foreach (var decision in design.Decisions)
            {
                Names(decision.Components, decision.Path + "/components", "component", _components, "components");
            }

            foreach (var tradeoff in design.Business.Tradeoffs)
            {
                Names(tradeoff.Stakeholders, tradeoff.Path + "/stakeholders", "stakeholder", _stakeholders, "business.stakeholders");
            }

            var measures = new HashSet<string>(_metrics);
            measures.UnionWith(_slos);
            foreach (var outcome in design.Business.Outcomes)
            {
                Names(outcome.Metrics, outcome.Path + "/metrics", "metric or SLO", measures, "business.metrics or slos");
            }

            foreach (var scenario in design.Validation.Load)
            {
                Names(scenario.Workflows, scenario.Path + "/workflows", "workflow", _workflows, "workflows");
                Expectation(scenario.Expect, scenario.Path);
            }

            foreach (var scenario in design.Validation.Chaos)
            {
                Fault(scenario);
                Expectation(scenario.Expect, scenario.Path);
            }
        }

        private static string Item(string path, int index) => path + "/" + index.ToString(CultureInfo.InvariantCulture);

        private void Operation(OperationRef reference, string path)
        {
            if (string.IsNullOrEmpty(reference.Component))
            {
                return; // unparsed: already reported
            }

            var component = design.FindComponent(reference.Component);
            if (component is null)
            {
                context.Report(DiagnosticCodes.UnknownReference(context.BuildSpan(path), path, "component", reference.Component, _components, "components"));
                return;
            }

            if (component.FindOperation(reference.Operation) is null)
            {
                context.Report(DiagnosticCodes.UnknownOperation(context.BuildSpan(path), path, reference.Component, reference.Operation, component.Operations.Select(o => o.Name)));
            }
        }

        /// <summary>When the design lists regions, every zone a component runs in must be a zone of one of them.</summary>
        private void RegionZones(Component component)
        {
            if (design.Regions.IsEmpty)
            {
                return;
            }

            var known = design.Regions.SelectMany(r => r.Zones).ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < component.Zones.Length; i++)
            {
                if (!known.Contains(component.Zones[i]))
                {
                    var path = Item(component.Path + "/zones", i);
                    context.Report(DiagnosticCodes.ZoneOutsideRegions(context.BuildSpan(path), path, component.Zones[i], known.Order(StringComparer.Ordinal)));
                }
            }
        }

        private void Name(string? name, string path, string what, HashSet<string> known, string whereDefined)
        {
            if (string.IsNullOrEmpty(name) || known.Contains(name))
            {
                return;
            }

            context.Report(DiagnosticCodes.UnknownReference(context.BuildSpan(path), path, what, name, known, whereDefined));
        }

        private void Names(IReadOnlyList<string> names, string path, string what, HashSet<string> known, string whereDefined)
        {
            for (var i = 0; i < names.Count; i++)
            {
                Name(names[i], Item(path, i), what, known, whereDefined);
            }
        }

        private void Expectation(Expectation? expectation, string scenarioPath)
        {
            if (expectation is not null)
            {
                Names(expectation.Slos, scenarioPath + "/expect/slos", "SLO", _slos, "slos");
            }
        }

        private void Fault(ChaosScenario scenario)
        {
            var fault = scenario.Fault;
            if (string.IsNullOrEmpty(fault.Target))
            {
                return;
            }

            var key = fault.Kind switch
            {
                FaultKind.ZoneDown => "zone_down",
                FaultKind.InstanceDown => "instance_down",
                FaultKind.Slow => "slow",
                _ => "fail",
            };
            var path = scenario.Path + "/fault/" + key;
            if (fault.Kind == FaultKind.ZoneDown)
            {
                var zones = design.Components.SelectMany(c => c.Zones).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                if (!zones.Contains(fault.Target, StringComparer.Ordinal))
                {
                    context.Report(DiagnosticCodes.UnknownZone(context.BuildSpan(path), path, fault.Target, zones));
                }

                return;
            }

            Name(fault.Target, path, "component", _components, "components");
            if (fault.Kind == FaultKind.InstanceDown && fault.Instances is { } n && design.FindComponent(fault.Target) is { } c && n > c.Instances)
            {
                var instancesPath = scenario.Path + "/fault/instances";
                context.Report(DiagnosticCodes.Inconsistent(context.BuildSpan(instancesPath), instancesPath,
                    $"the fault takes down {n} instances but '{c.Name}' has {c.Instances}", "take down at most as many instances as the component has"));
            }
        }
    }
}
