using System;
using System.Collections.Generic;
using System.Globalization;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>
    /// DKR114: <c>COPY --from</c> or <c>RUN --mount=...,from=</c> naming no stage defined above: the stage itself, a stage
    /// index out of range, a later stage, or a bare name that no stage has (a likely typo, or a build context).
    /// </summary>
    public sealed class UndefinedStageReference : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR114", "--from names no stage defined above", RuleCategory.ImageAndBuild, DiagnosticSeverity.Warning,
            "--from={0}: {1}",
            "A --from that names no earlier stage either fails the build or silently makes Docker look for a build context or pull an image of that name from Docker Hub.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(DockerfileContext context)
        {
            var model = context.Model;
            var stages = model.Stages;
            List<HashSet<int>>? graph = null;

            foreach (var (stage, reference) in StageReferences.All(model))
            {
                string? value = StageReferences.Resolve(reference, model, stage);
                if (value == null) continue;
                var span = reference.Value.Span;
                string shown = reference.Value.Raw;

                Stage? target = null;
                if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
                {
                    if (index >= stages.Count)
                    {
                        context.Report(span, shown, $"there is no stage {index}: this Dockerfile has {Plural(stages.Count, "stage")}, numbered from 0. Refer to an earlier stage by its name");
                        continue;
                    }
                    target = stages[index];
                }
                else
                {
                    if (model.FindEarlierStage(value, stage) != null) continue;
                    target = model.FindStageByName(value);
                    if (target == null)
                    {
                        ReportUnknownName(context, stage, value, span, shown);
                        continue;
                    }
                }

                if (target.Index < stage.Index) continue;
                if (target.Index == stage.Index)
                {
                    context.Report(span, shown, $"refers to the stage it is in ({Describe(stage)}); a stage cannot copy from itself. Name an earlier stage");
                    continue;
                }
                graph ??= BuildGraph(model);
                if (Reaches(graph, target.Index, stage.Index))
                    context.Report(span, shown, $"{Describe(target)} is defined below and depends on this stage: the circular dependency fails the build. Copy from an earlier stage");
                else
                    context.Report(span, DiagnosticSeverity.Suggestion, shown, $"{Describe(target)} is defined below this one: BuildKit accepts that, the classic builder fails and readers expect sources above. Move that stage above the one that uses it");
            }
        }

        private static void ReportUnknownName(DockerfileContext context, Stage stage, string value, Text.TextSpan span, string shown)
        {
            // An image reference (tag, digest, registry or path) is not a stage; DKR120 looks at its pinning.
            if (StageReferences.IsImageReference(value)) return;
            // BuildKit reads --from=context as the main build context.
            if (value.Equals("context", StringComparison.OrdinalIgnoreCase)) return;
            string image = value.ToLowerInvariant();
            string? closest = ClosestStageName(context.Model, stage, value);
            if (closest != null)
                context.Report(span, shown, $"no stage named '{value}' is defined above; did you mean '{closest}'? Otherwise Docker looks for a build context '{value}' or pulls the image 'docker.io/library/{image}:latest'");
            else
                context.Report(span, DiagnosticSeverity.Suggestion, shown, $"no stage named '{value}' in this Dockerfile, so Docker uses a build context passed as --build-context {value}=..., or else pulls 'docker.io/library/{image}:latest'. Write an image in full ('{image}:<version>'), or suppress this if it is a build context");
        }

        private static string Describe(Stage stage) => stage.Name != null ? $"stage '{stage.Name}'" : $"stage {stage.Index}";

        private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";

        /// <summary>An earlier stage name within two edits of the value (case, '-' and '_' ignored): a likely typo.</summary>
        private static string? ClosestStageName(DockerfileModel model, Stage current, string value)
        {
            string? best = null;
            int bestDistance = int.MaxValue;
            string wanted = Normalize(value);
            foreach (var stage in model.Stages)
            {
                if (stage.Index >= current.Index || stage.Name == null) continue;
                string name = Normalize(stage.Name);
                int allowed = Math.Min(name.Length, wanted.Length) <= 3 ? 1 : 2;
                int d = Distance(wanted, name);
                if (d <= allowed && d < bestDistance)
                {
                    best = stage.Name;
                    bestDistance = d;
                }
            }
            return best;
        }

        private static string Normalize(string s) => s.ToLowerInvariant().Replace("-", "").Replace("_", "").Replace(".", "");

        private static int Distance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++) previous[j] = j;
            for (int i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }
                var t = previous; previous = current; current = t;
            }
            return previous[b.Length];
        }

        /// <summary>Which stages each stage needs: its base stage and the stages it copies or mounts from.</summary>
        private static List<HashSet<int>> BuildGraph(DockerfileModel model)
        {
            var graph = new List<HashSet<int>>();
            foreach (var stage in model.Stages)
            {
                var deps = new HashSet<int>();
                if (stage.BaseStage != null) deps.Add(stage.BaseStage.Index);
                foreach (var instruction in stage.Instructions)
                {
                    foreach (var reference in StageReferences.Of(instruction))
                    {
                        string? value = StageReferences.Resolve(reference, model, stage);
                        if (value == null) continue;
                        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
                        {
                            if (index < model.Stages.Count) deps.Add(index);
                            continue;
                        }
                        var target = model.FindEarlierStage(value, stage) ?? model.FindStageByName(value);
                        if (target != null) deps.Add(target.Index);
                    }
                }
                graph.Add(deps);
            }
            return graph;
        }

        private static bool Reaches(List<HashSet<int>> graph, int from, int to)
        {
            var seen = new HashSet<int>();
            var pending = new Stack<int>();
            pending.Push(from);
            while (pending.Count > 0)
            {
                int s = pending.Pop();
                if (s == to) return true;
                if (!seen.Add(s)) continue;
                foreach (var d in graph[s]) pending.Push(d);
            }
            return false;
        }
    }
}
